//! Grouping a batch of extractions into incidents.

use crate::matching::{same_incident, MatchConfig, Verdict};
use tocsin_model::Extraction;

/// Groups extractions that describe the same incident; each group lists indices into
/// `extractions`, in ascending order, and groups are ordered by their first index.
///
/// Grouping is transitive (single link): if A matches B and B matches C, all three
/// are one incident. Pairs are only compared within a window of dates, so a batch
/// costs about what its number of same-period pairs costs. The result does not depend
/// on the order of the input, up to the renumbering of indices.
pub fn cluster(extractions: &[Extraction], config: &MatchConfig) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..extractions.len()).collect();
    // Sort by date so that only neighbours within the widest window are compared.
    let mut by_date: Vec<(i64, usize)> = extractions
        .iter()
        .enumerate()
        .filter_map(|(idx, e)| e.date.as_ref().map(|d| (day_number(&d.value.date), idx)))
        .collect();
    by_date.sort_unstable();
    let widest = 2 * 16 + config.date_slack_days;
    for (pos, &(day, idx)) in by_date.iter().enumerate() {
        for &(other_day, other) in &by_date[pos + 1..] {
            if other_day - day > widest {
                break;
            }
            if same_incident(&extractions[idx], &extractions[other], config) == Verdict::Same {
                union(&mut parent, idx, other);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; extractions.len()];
    for idx in 0..extractions.len() {
        let root = find(&mut parent, idx);
        match group_of_root[root] {
            Some(group) => groups[group].push(idx),
            None => {
                group_of_root[root] = Some(groups.len());
                groups.push(vec![idx]);
            }
        }
    }
    groups
}

fn day_number(date: &chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(date.num_days_from_ce())
}

fn find(parent: &mut [usize], mut idx: usize) -> usize {
    while parent[idx] != idx {
        parent[idx] = parent[parent[idx]];
        idx = parent[idx];
    }
    idx
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (root_a, root_b) = (find(parent, a), find(parent, b));
    // The smaller index becomes the root, so the grouping is the same in any order.
    let (low, high) = if root_a < root_b { (root_a, root_b) } else { (root_b, root_a) };
    parent[high] = low;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::combine::tests::{extraction, Spec};

    #[test]
    fn two_outlets_one_incident_and_a_separate_one() {
        let batch = vec![
            extraction(Spec::default()),
            extraction(Spec { report: "r2", day: 25, ..Spec::default() }),
            extraction(Spec { report: "r3", ..Spec::default() }),
        ];
        assert_eq!(cluster(&batch, &MatchConfig::default()), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn grouping_is_transitive() {
        // r1 (day) ~ r2 (week, 3 days later) ~ r3 (day, 3 days after that): one chain.
        let batch = vec![
            extraction(Spec::default()),
            extraction(Spec { report: "r2", day: 23, week: true, ..Spec::default() }),
            extraction(Spec { report: "r3", day: 26, ..Spec::default() }),
        ];
        assert_eq!(cluster(&batch, &MatchConfig::default()), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn events_without_a_date_stay_alone() {
        let mut undated = extraction(Spec { report: "r2", ..Spec::default() });
        undated.date = None;
        let batch = vec![extraction(Spec::default()), undated];
        assert_eq!(cluster(&batch, &MatchConfig::default()), vec![vec![0], vec![1]]);
    }
}
