//! The worker's part for a group's page: a new visit, activity or diagnosis written to its
//! own file, and the draft of one being typed (a dot file beside the setup's, kept until
//! the record is saved, so that nothing typed is lost).

use super::Worker;
use crate::model::Id;
use crate::model::dated::Record;
use crate::store;
use crate::ui::RecordDraft;
use crate::update::Msg;
use std::path::PathBuf;

/// A record's form typed before its file exists; a dot name keeps it out of listings.
pub(in crate::runner) const RECORD_DRAFT: &str = ".record-draft.ron";

impl Worker {
    fn record_draft_path(&self) -> PathBuf {
        self.store().dir().join(RECORD_DRAFT)
    }

    /// The draft left for `group`, if there is one and it reads.
    pub(super) fn record_draft_for(&self, group: &Id) -> Option<Box<RecordDraft>> {
        let text = std::fs::read_to_string(self.record_draft_path()).ok()?;
        let draft: RecordDraft = ron::from_str(&text).ok()?;
        (&draft.group == group).then(|| Box::new(draft))
    }

    /// Reads a group's records for its page (the copy saved last when one is there twice),
    /// remembering each file as read. A file that fails to read now is left out: it is in
    /// the listing's unreadable files the next time.
    pub(super) fn open_group_records(
        &mut self,
        listing: &store::Listing,
        group: &Id,
    ) -> Vec<Record> {
        self.records.clear();
        let mut records = Vec::new();
        for summary in listing.records_of_group(group) {
            if let Ok((record, tracked, _unknown)) = store::TrackedRecord::open(&summary.path) {
                self.records.insert(record.dated().id().clone(), tracked);
                records.push(record);
            }
        }
        records
    }

    /// Writes a record as `update` made it (its `saved` time set there: the worker reads no
    /// clock), then forgets the draft it was typed in. A new record gets a file of its own;
    /// a changed one goes over the file it was read from, unless that file changed on disk
    /// since (a sync, another atelier): then beside it, as a conflict copy, said in a
    /// sentence.
    pub(super) fn save_record(&mut self, record: &Record) {
        let strings = self.lang().strings();
        let id = record.dated().id().clone();
        let result = store::ensure_dir(self.store().dir())
            .map_err(|e| e.message(strings))
            .and_then(|()| match self.records.get_mut(&id) {
                Some(tracked) => {
                    let before = tracked.path().to_path_buf();
                    match tracked.save(record, saved_at(record)) {
                        Ok(store::Saved::InPlace) => Ok(None),
                        Ok(store::Saved::AsConflictCopy { copy, .. }) => {
                            Ok(Some(crate::i18n::fill(
                                strings.store.record_conflict_saved,
                                &[&file_name(&before), &file_name(&copy)],
                            )))
                        }
                        Err(e) => Err(e.message(strings)),
                    }
                }
                None => {
                    let path = self.store().path_for_record(record);
                    store::save_record(&path, record).map_err(|e| e.message(strings))?;
                    self.records
                        .insert(id.clone(), store::TrackedRecord::written(&path));
                    Ok(None)
                }
            });
        if result.is_ok() {
            self.clear_record_draft();
        }
        self.send(Msg::RecordSaved(result));
    }

    pub(super) fn save_record_draft(&mut self, draft: &RecordDraft) {
        let strings = self.lang().strings();
        let result = store::ensure_dir(self.store().dir())
            .map_err(|e| e.message(strings))
            .and_then(|()| {
                let text =
                    crate::ron_text::to_string_pretty(draft, true).map_err(|e| e.to_string())?;
                store::write_atomic(&self.record_draft_path(), &text, std::io::Write::write_all)
                    .map_err(|e| e.message(strings))
            });
        if let Err(e) = result {
            self.send(Msg::Failed(e));
        }
    }

    pub(super) fn clear_record_draft(&mut self) {
        let _ = std::fs::remove_file(self.record_draft_path());
    }
}

/// When `update` stamped the record: the time a conflict copy is named after.
fn saved_at(record: &Record) -> crate::model::Timestamp {
    match record {
        Record::Visit(v) => v.saved,
        Record::Activity(a) => a.saved,
        Record::Diagnosis(d) => d.saved,
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}
