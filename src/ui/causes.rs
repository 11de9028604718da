//! The cause tree as the advisor sees it: folded branches hidden, or grouped by category in
//! the fishbone view. `update` moves the selection through these rows and `view` draws the
//! same rows, so what is selected is always what is on screen.

use super::{Pane, TechniqueUi};
use crate::model::{Cause, Id, Problem};
use std::collections::{BTreeSet, HashMap};

/// One row of the tree view.
#[derive(Debug, Clone)]
pub struct TreeRow<'a> {
    pub cause: &'a Cause,
    /// 0 for a direct cause of the problem, 1 for its "why?", and so on.
    pub depth: usize,
    /// For each level between the top and this row: whether the cause at that level has
    /// siblings further down (the tree's vertical rail continues there).
    pub rails: Vec<bool>,
    /// The last of its siblings (`└` rather than `├`).
    pub last: bool,
    /// Its direct sub-causes.
    pub children: usize,
    /// Sub-causes of every level hidden below it because it is folded; 0 when unfolded.
    pub hidden: usize,
}

/// The tree in display order, with the sub-causes of folded causes left out. A cause whose
/// parent is unknown counts as a direct cause; causes caught in a parent loop (only a
/// hand-edited file can make one) are shown at the top level at the end rather than lost.
pub fn visible_tree<'a>(problem: &'a Problem, folded: &BTreeSet<Id>) -> Vec<TreeRow<'a>> {
    let causes = &problem.causes;
    let index: HashMap<&Id, usize> = causes.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); causes.len()];
    let mut tops = Vec::new();
    for (i, c) in causes.iter().enumerate() {
        match c.parent.as_ref().and_then(|p| index.get(p)) {
            Some(&p) if p != i => children[p].push(i),
            _ => tops.push(i),
        }
    }
    // Sizes of whole subtrees, from a first walk that ignores folds.
    let mut order = Vec::with_capacity(causes.len());
    let mut parent_of = vec![usize::MAX; causes.len()];
    let mut seen = vec![false; causes.len()];
    let mut stack: Vec<usize> = tops.iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        order.push(i);
        for &k in children[i].iter().rev() {
            parent_of[k] = i;
            stack.push(k);
        }
    }
    // Loops no top-level cause leads to: each of their causes becomes a top-level one.
    let stranded: Vec<usize> = (0..causes.len()).filter(|i| !seen[*i]).collect();
    let mut size = vec![1usize; causes.len()];
    for &i in order.iter().rev() {
        if parent_of[i] != usize::MAX {
            size[parent_of[i]] += size[i];
        }
    }
    let mut rows = Vec::with_capacity(causes.len());
    let mut placed = vec![false; causes.len()];
    // (index, depth, rails, last)
    let mut stack: Vec<(usize, usize, Vec<bool>, bool)> = Vec::new();
    let all_tops: Vec<usize> = tops.iter().chain(&stranded).copied().collect();
    for (n, &i) in all_tops.iter().enumerate().rev() {
        stack.push((i, 0, Vec::new(), n + 1 == all_tops.len()));
    }
    while let Some((i, depth, rails, last)) = stack.pop() {
        if std::mem::replace(&mut placed[i], true) {
            continue;
        }
        let cause = &causes[i];
        let kids: Vec<usize> = children[i]
            .iter()
            .copied()
            .filter(|k| !placed[*k])
            .collect();
        let is_folded = !kids.is_empty() && folded.contains(&cause.id);
        if !is_folded {
            let mut below = rails.clone();
            if depth > 0 {
                below.push(!last);
            }
            for (n, &k) in kids.iter().enumerate().rev() {
                stack.push((k, depth + 1, below.clone(), n + 1 == kids.len()));
            }
        }
        rows.push(TreeRow {
            cause,
            depth,
            rails,
            last,
            children: kids.len(),
            hidden: if is_folded {
                size[i].saturating_sub(1)
            } else {
                0
            },
        });
    }
    rows
}

/// The causes filed under one category (or none) in the fishbone view.
#[derive(Debug, Clone)]
pub struct Bone<'a> {
    /// A category id of the method file; `None` for the causes with no category.
    pub category: Option<&'a str>,
    /// Its causes in tree order, each with how many levels it sits below the cause that
    /// gave it the category (0 for a cause filed there itself).
    pub causes: Vec<(usize, &'a Cause)>,
}

/// Causes grouped by category, in the order of the method's list, then categories the
/// method does not know (from another method file), then the causes with none. A sub-cause
/// with no category of its own sits with its nearest ancestor that has one, as on a fishbone
/// where the "why?" of a cause hangs from that cause's bone.
pub fn fishbone<'a>(problem: &'a Problem, known: &[&str]) -> Vec<Bone<'a>> {
    let tree = visible_tree(problem, &BTreeSet::new());
    let mut bones: Vec<Bone<'a>> = Vec::new();
    // The category each level of the current branch files under, with the depth it came from.
    let mut branch: Vec<(Option<&'a str>, usize)> = Vec::new();
    for row in &tree {
        branch.truncate(row.depth);
        let (category, from) = match row.cause.category.as_deref() {
            Some(c) => (Some(c), row.depth),
            None => branch.last().copied().unwrap_or((None, row.depth)),
        };
        branch.push((category, from));
        let level = if category.is_some() {
            row.depth - from
        } else {
            0
        };
        match bones.iter_mut().find(|b| b.category == category) {
            Some(b) => b.causes.push((level, row.cause)),
            None => bones.push(Bone {
                category,
                causes: vec![(level, row.cause)],
            }),
        }
    }
    let rank = |c: Option<&str>| match c {
        Some(c) => known.iter().position(|k| *k == c).unwrap_or(known.len()),
        None => known.len() + 1,
    };
    crate::sort::by_key(&mut bones, |b| rank(b.category));
    bones
}

/// The categories of the method that no cause is filed under yet, in the method's order.
pub fn empty_categories<'a>(bones: &[Bone], known: &[&'a str]) -> Vec<&'a str> {
    known
        .iter()
        .filter(|k| !bones.iter().any(|b| b.category == Some(**k)))
        .copied()
        .collect()
}

/// The ids of the causes pane's rows, in the order of the view it shows.
pub fn rows(problem: &Problem, tech: &TechniqueUi, known: &[&str]) -> Vec<Id> {
    if tech.alt_view.contains(&Pane::Causes) {
        fishbone(problem, known)
            .into_iter()
            .flat_map(|b| b.causes.into_iter().map(|(_, c)| c.id.clone()))
            .collect()
    } else {
        visible_tree(problem, &tech.folded)
            .into_iter()
            .map(|r| r.cause.id.clone())
            .collect()
    }
}

/// The causes above this one, nearest first.
pub fn ancestors(problem: &Problem, id: &Id) -> Vec<Id> {
    let mut out = Vec::new();
    let mut cur = id.clone();
    while let Some(parent) = problem
        .causes
        .iter()
        .find(|c| c.id == cur)
        .and_then(|c| c.parent.clone())
    {
        if out.contains(&parent) || &parent == id {
            break; // a loop from a hand-edited file
        }
        out.push(parent.clone());
        cur = parent;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn cause(id: &str, parent: Option<&str>, category: Option<&str>) -> Cause {
        Cause {
            id: Id::from(id),
            text: id.to_uppercase(),
            parent: parent.map(Id::from),
            category: category.map(str::to_string),
            root: false,
            created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        }
    }

    fn problem(causes: Vec<Cause>) -> Problem {
        Problem {
            causes,
            ..Problem::default()
        }
    }

    fn ids(rows: &[TreeRow]) -> Vec<String> {
        rows.iter().map(|r| r.cause.id.to_string()).collect()
    }

    #[test]
    fn folding_hides_every_level_below_and_counts_it() {
        let p = problem(vec![
            cause("a", None, None),
            cause("b", Some("a"), None),
            cause("c", Some("b"), None),
            cause("d", Some("a"), None),
            cause("e", None, None),
        ]);
        let all = visible_tree(&p, &BTreeSet::new());
        assert_eq!(ids(&all), ["a", "b", "c", "d", "e"]);
        assert_eq!(
            all.iter().map(|r| r.depth).collect::<Vec<_>>(),
            [0, 1, 2, 1, 0]
        );
        // c hangs under b, which has a sibling (d) below it: the rail of b's level goes on.
        assert_eq!(all[2].rails, [true]);
        assert!(!all[1].last && all[3].last);
        let folded = BTreeSet::from([Id::from("a")]);
        let rows = visible_tree(&p, &folded);
        assert_eq!(ids(&rows), ["a", "e"]);
        assert_eq!(rows[0].hidden, 3);
        assert_eq!(rows[0].children, 2);
    }

    #[test]
    fn a_loop_from_a_hand_edited_file_is_shown_not_lost() {
        let p = problem(vec![
            cause("a", Some("b"), None),
            cause("b", Some("a"), None),
            cause("c", None, None),
        ]);
        let rows = visible_tree(&p, &BTreeSet::new());
        assert_eq!(ids(&rows), ["c", "a", "b"]);
    }

    #[test]
    fn sub_causes_with_no_category_hang_from_their_ancestors_bone() {
        let p = problem(vec![
            cause("a", None, Some("methods")),
            cause("b", Some("a"), None),
            cause("c", Some("b"), Some("market")),
            cause("d", Some("c"), None),
            cause("e", None, None),
            cause("f", None, Some("unknown")),
        ]);
        let known = ["manpower", "methods", "market"];
        let bones = fishbone(&p, &known);
        type Shape<'a> = Vec<(Option<&'a str>, Vec<(usize, String)>)>;
        let shape: Shape = bones
            .iter()
            .map(|b| {
                (
                    b.category,
                    b.causes
                        .iter()
                        .map(|(l, c)| (*l, c.id.to_string()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some("methods"), vec![(0, "a".into()), (1, "b".into())]),
                (Some("market"), vec![(0, "c".into()), (1, "d".into())]),
                (Some("unknown"), vec![(0, "f".into())]),
                (None, vec![(0, "e".into())]),
            ]
        );
        assert_eq!(empty_categories(&bones, &known), ["manpower"]);
    }
}
