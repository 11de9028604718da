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

    /// Writes a record as `update` made it (its `saved` time set there: the worker reads no
    /// clock), then forgets the draft it was typed in.
    pub(super) fn save_record(&mut self, record: &Record) {
        let strings = self.lang().strings();
        let result = store::ensure_dir(self.store().dir())
            .map_err(|e| e.message(strings))
            .and_then(|()| {
                let path = self.store().path_for_record(record);
                store::save_record(&path, record).map_err(|e| e.message(strings))
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
                let text = ron::ser::to_string_pretty(draft, Default::default())
                    .map_err(|e| e.to_string())?;
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
