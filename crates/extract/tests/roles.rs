//! Whose event it is: the actors extraction gives the events of whole reports.

use tocsin_extract::Extractor;
use tocsin_model::Report;

fn extractor() -> Extractor {
    let gazetteer = tocsin_places::Gazetteer::load_default().expect("shipped gazetteer loads");
    let actors = tocsin_actors::ActorBook::load_default().expect("shipped actors load");
    Extractor::new(gazetteer, actors)
}

/// A short report telling of one event names its actors in sentences the event's own
/// passage may not cover.
#[test]
fn a_short_report_names_its_actors_anywhere() {
    let extractor = extractor();
    let cases = [
        (
            "On 2 May 2024, suspected JNIM fighters entered the town of Titao. Gendarmes drove \
             them out. During their retreat they fired a rocket at the ranger post and damaged it.",
            "JNIM",
        ),
        (
            "On 2 May 2024, French Barkhane forces carried out air operations near Darkoye \
             (Gorom-Gorom, Oudalan). The bodies of several suspected ISGS fighters were left \
             behind.",
            "Military Forces of France",
        ),
    ];
    for (text, actor1) in cases {
        let output = extractor.extract(&Report::new("r", text));
        let [event] = output.events.as_slice() else {
            panic!("one event expected in {text:?}: {:#?}", output.diagnostics);
        };
        assert!(event.actor1.value.name.contains(actor1), "{text:?}: {:?}", event.actor1.value);
    }
}
