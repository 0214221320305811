//! Developer tool: print the clues and incidents the engine reads from a
//! document. `cargo run --example debug_clues -- FILE [PUBLISHED]`
use incidentkit::extract::parse_document;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: debug_clues FILE [YYYY-MM-DD]");
    let published = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let text = std::fs::read_to_string(&path).expect("readable file");
    incidentkit::extract::debug_clues(&text, published);
    for incident in parse_document(&text, published, "doc") {
        println!("{incident:?}\n");
    }
}
