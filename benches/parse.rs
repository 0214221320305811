//! Parse throughput on a synthetic corpus built from the bundled examples.
//! `cargo bench --profile ci --bench parse -- [N_DOCS]`
use std::time::Instant;

use incidentkit::engine::{parse_batch, DocumentInput};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/corpus exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    seeds.sort();
    let texts: Vec<&str> = (0..n).map(|i| seeds[i % seeds.len()].as_str()).collect();
    let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let docs: Vec<DocumentInput<'_>> = texts
        .iter()
        .zip(&ids)
        .map(|(t, id)| DocumentInput {
            text: t,
            published: None,
            doc_id: id,
        })
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    // Warm up: build the automata and regexes once.
    let _ = parse_batch(&docs[..seeds.len().min(n)]);
    let start = Instant::now();
    let (incidents, failures) = parse_batch(&docs);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} documents, {:.1} MB, {} incidents, {} failures: {:.3} s, {:.0} docs/s, {:.2} MB/s ({} threads)",
        bytes as f64 / 1e6,
        incidents.len(),
        failures.len(),
        secs,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        rayon::current_num_threads()
    );
}
