//! Print the mentions and roles `ActorBook` finds in one text: `roles_of SUB_EVENT CC DATE TEXT`.

use tocsin_actors::{ActorBook, MentionContext, RoleContext};
use tocsin_model::{Language, Span, SubEventType};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: roles_of SUB_EVENT COUNTRY_CODE YYYY-MM-DD TEXT";
    let sub: SubEventType = args.get(1).ok_or(usage)?.parse()?;
    let code = args.get(2).ok_or(usage)?;
    let date = chrono::NaiveDate::parse_from_str(args.get(3).ok_or(usage)?, "%Y-%m-%d").ok();
    let text = args.get(4).ok_or(usage)?;
    let book = ActorBook::load_default()?;
    let context = MentionContext { country_code: Some(code), date };
    for m in book.mentions_in(text, &context) {
        let words = m.span.text(text).unwrap_or("");
        let name = m.actor.map(|a| format!("{} [{}]", a.name, a.inter)).unwrap_or_default();
        println!("{words:?} {:?} {name}", m.kind);
    }
    let roles = book.roles(&RoleContext {
        text,
        focus: Span::new(0, text.len()),
        language: Language::En,
        sub_event_type: sub,
        date,
        country_code: Some(code),
        location: None,
    });
    println!("{roles:#?}");
    Ok(())
}
