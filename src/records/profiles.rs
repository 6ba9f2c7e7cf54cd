//! This PC's list of profiles. Several people often share one office PC: each picks their own
//! profile, and a profile that no longer belongs on the list (a colleague who moved, a guest)
//! can be taken off it. Taking it off changes no record: the profile file and its attempts
//! stay in the data directory, go into bundles as before and count for HR as before. Only
//! this PC's settings remember which profiles are off its list.

use uuid::Uuid;

use crate::records::Learner;

/// The profiles on this PC's list, in the order given.
pub fn listed<'a>(
    learners: &'a [Learner],
    hidden: &'a [Uuid],
) -> impl Iterator<Item = &'a Learner> + 'a {
    learners.iter().filter(move |l| !hidden.contains(&l.id))
}

/// The profiles taken off this PC's list (that still exist), in the order given.
pub fn taken_off<'a>(
    learners: &'a [Learner],
    hidden: &'a [Uuid],
) -> impl Iterator<Item = &'a Learner> + 'a {
    learners.iter().filter(move |l| hidden.contains(&l.id))
}

/// The profile the app opens at start, without asking: the last one used, and only when it is
/// the one profile on this PC's list. With several, the next person at a shared PC must not
/// find themselves silently in the previous person's profile: the app shows the list.
pub fn opened_at_start(learners: &[Learner], hidden: &[Uuid], last: Option<Uuid>) -> Option<Uuid> {
    let mut on_list = listed(learners, hidden);
    let only = on_list.next()?;
    (on_list.next().is_none() && Some(only.id) == last).then_some(only.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Utc};

    fn person(name: &str) -> Learner {
        crate::records::LearnerDraft {
            name: name.into(),
            without_nip: true,
            unit: "Bagian Umum".into(),
            instansi: "Pemkab Mesuji".into(),
            ..Default::default()
        }
        .build(
            &[],
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            Utc::now(),
        )
        .unwrap()
    }

    #[test]
    fn the_last_profile_opens_only_when_it_is_the_only_one_listed() {
        let siti = person("Siti");
        let budi = person("Budi");
        let one = [siti.clone()];
        let two = [siti.clone(), budi.clone()];
        // (profiles, taken off the list, last used, opened)
        type Case<'a> = (&'a [Learner], &'a [Uuid], Option<Uuid>, Option<Uuid>);
        let cases: &[Case<'_>] = &[
            (&[], &[], None, None),
            (&one, &[], Some(siti.id), Some(siti.id)),
            (&one, &[], None, None),
            (&one, &[siti.id], Some(siti.id), None),
            (&two, &[], Some(siti.id), None),
            (&two, &[budi.id], Some(siti.id), Some(siti.id)),
            (&two, &[siti.id], Some(siti.id), None),
            (&two, &[budi.id], Some(budi.id), None),
        ];
        for (i, (learners, hidden, last, expected)) in cases.iter().enumerate() {
            assert_eq!(
                opened_at_start(learners, hidden, *last),
                *expected,
                "case {i}"
            );
        }
    }

    #[test]
    fn taking_off_the_list_splits_without_losing_anyone() {
        let all = [person("A"), person("B"), person("C")];
        let hidden = [all[1].id, Uuid::new_v4()];
        let on: Vec<_> = listed(&all, &hidden).map(|l| l.name.as_str()).collect();
        let off: Vec<_> = taken_off(&all, &hidden).map(|l| l.name.as_str()).collect();
        assert_eq!(on, ["A", "C"]);
        assert_eq!(off, ["B"]);
    }
}
