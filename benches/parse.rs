//! Whole-corpus parse throughput, outside Python.
//!
//! ```text
//! python benches/generate.py --size 20MB --out target/bench/corpus-20MB.jsonl
//! cargo bench --bench parse -- target/bench/corpus-20MB.jsonl [THREADS]
//! ```
//! Without a corpus file the bundled examples are repeated. `--dump=FILE`
//! writes every incident (Debug form) to FILE, to check that an optimisation
//! changed no output (`--dump-only`: write it and stop). Each round times the parse alone, then the parse
//! into the incident frame Python receives.
use std::time::Instant;

use incidentkit::engine::{parse_batch_to_frame, parse_batch_with_threads, DocumentInput};

/// `(doc_id, published, text)` of every line of a generated JSONL corpus.
fn read_jsonl(path: &str) -> Vec<(String, Option<chrono::NaiveDate>, String)> {
    let text = std::fs::read_to_string(path).expect("corpus file readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let published = field("published").parse().ok();
            (field("doc_id"), published, field("text"))
        })
        .collect()
}

fn bundled_examples() -> Vec<(String, Option<chrono::NaiveDate>, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/corpus exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    (0..20_000)
        .map(|i| (i.to_string(), None, texts[i % texts.len()].clone()))
        .collect()
}

fn main() {
    // `cargo bench` passes `--bench`; keep only our own arguments.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let corpus = match args.first() {
        Some(path) => read_jsonl(path),
        None => bundled_examples(),
    };
    let threads: Option<usize> = args.get(1).and_then(|a| a.parse().ok());
    let dump = std::env::args().find_map(|a| a.strip_prefix("--dump=").map(str::to_string));
    let docs: Vec<DocumentInput<'_>> = corpus
        .iter()
        .map(|(id, published, text)| DocumentInput {
            text,
            published: *published,
            doc_id: id,
        })
        .collect();
    let bytes: usize = corpus.iter().map(|(_, _, t)| t.len()).sum();
    // Warm up: build the automata and regexes once.
    let _ = parse_batch_with_threads(&docs[..docs.len().min(100)], threads);
    if let Some(path) = dump {
        let (incidents, _) = parse_batch_with_threads(&docs, threads).expect("thread pool");
        let lines: Vec<String> = incidents.iter().map(|i| format!("{i:?}")).collect();
        std::fs::write(&path, lines.join("\n")).expect("dump file writable");
        if std::env::args().any(|a| a == "--dump-only") {
            return;
        }
    }
    for _ in 0..3 {
        let start = Instant::now();
        let (incidents, failures) = parse_batch_with_threads(&docs, threads).expect("thread pool");
        let secs = start.elapsed().as_secs_f64();
        drop(incidents);
        // What Python receives: the frame, built in parts by the threads.
        let framed = Instant::now();
        let (frame, _) = parse_batch_to_frame(&docs, threads).expect("incident frame");
        let frame_secs = framed.elapsed().as_secs_f64();
        println!(
            "{} documents, {:.1} MB, {} incidents, {} failures: {:.3} s, {:.0} docs/s, {:.2} MB/s ({} threads); to a frame {:.3} s, {:.2} MB/s",
            docs.len(),
            bytes as f64 / 1e6,
            frame.height(),
            failures.len(),
            secs,
            docs.len() as f64 / secs,
            bytes as f64 / 1e6 / secs,
            threads.unwrap_or_else(rayon::current_num_threads),
            frame_secs,
            bytes as f64 / 1e6 / frame_secs,
        );
    }
}
