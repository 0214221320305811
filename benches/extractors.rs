//! Criterion benchmarks: each extractor on its own, and whole documents.
//!
//! ```text
//! python benches/generate.py --size 2MB --out target/bench/corpus-2MB.jsonl
//! IK_BENCH_CORPUS=target/bench/corpus-2MB.jsonl cargo bench --bench extractors
//! ```
//! Without `IK_BENCH_CORPUS` the bundled examples are used. Every extractor
//! runs over the sentences of the same documents, so the MB/s figures add up
//! to the share each one takes of a whole parse.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use incidentkit::extract::casualties::find_casualties;
use incidentkit::extract::cues::{cross_border, event_cues, militant_group};
use incidentkit::extract::dates::find_dates;
use incidentkit::extract::nationality::find_nationalities;
use incidentkit::extract::parse_document;
use incidentkit::extract::places::find_places;
use incidentkit::extract::segment::{dateline_end, read_clues, Position};
use incidentkit::extract::tokens::tokenize;
use incidentkit::rules::{book, set, Gating, LowerText, Matching};
use incidentkit::text::Document;

struct Sample {
    text: String,
    lower: LowerText,
    published: Option<chrono::NaiveDate>,
    /// Sentence spans, with whether each starts a paragraph.
    sentences: Vec<(usize, usize, bool)>,
}

fn load_texts() -> Vec<(String, Option<chrono::NaiveDate>)> {
    if let Ok(path) = std::env::var("IK_BENCH_CORPUS") {
        let corpus = std::fs::read_to_string(&path).expect("IK_BENCH_CORPUS readable");
        return corpus
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .map(|v| {
                let text = v["text"].as_str().unwrap_or_default().to_string();
                (text, v["published"].as_str().and_then(|d| d.parse().ok()))
            })
            .collect();
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| (t, None))
        .collect()
}

fn samples() -> Vec<Sample> {
    load_texts()
        .into_iter()
        .map(|(text, published)| {
            let sentences = Document::new(&text, published)
                .segments
                .iter()
                .map(|s| (s.span.start, s.span.end, s.paragraph_start))
                .collect();
            Sample {
                lower: LowerText::of(&text),
                text,
                published,
                sentences,
            }
        })
        .collect()
}

fn extractors(c: &mut Criterion) {
    let docs = samples();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let c = &mut group;
    let matcher = book().matcher();
    // Every extractor reads its segment through the segment's scan, as in
    // a parse; "scan" alone is its share of each figure.
    let mut bench = |name: &str, f: &dyn Fn(&Sample, Matching<'_>, usize, usize, bool)| {
        c.bench_function(name, |b| {
            b.iter(|| {
                for doc in &docs {
                    for &(start, end, head) in &doc.sentences {
                        let scan = book().scan(doc.lower.view(), start, end);
                        f(
                            doc,
                            Matching::new(book(), Gating::Segment(&scan), &matcher),
                            start,
                            end,
                            head,
                        );
                    }
                }
            })
        });
    };
    bench("scan", &|_, rules, _, _, _| {
        black_box(rules);
    });
    bench("tokenize", &|d, _, s, e, _| {
        black_box(tokenize(&d.text, d.lower.view(), s, e));
    });
    bench("dates", &|d, rules, s, e, _| {
        black_box(find_dates(rules, &d.text, s, e));
    });
    bench("places", &|d, rules, s, e, head| {
        let dateline = if head {
            dateline_end(rules, &d.text, s, e)
        } else {
            None
        };
        black_box(find_places(rules, &d.text, s, e, head, dateline));
    });
    bench("event_cues", &|d, rules, s, e, _| {
        black_box(event_cues(rules, d.lower.view(), s, e));
    });
    bench("groups", &|d, rules, s, e, _| {
        black_box(militant_group(rules, &d.text, s, e));
        black_box(cross_border(rules, d.lower.view(), s, e));
    });
    bench("flag_and_cue_set", &|d, rules, s, e, _| {
        black_box(rules.set_matches(set::FlagsAndCues, d.lower.view().slice(s..e)));
    });
    bench("casualties", &|d, _, s, e, _| {
        let tokens = tokenize(&d.text, d.lower.view(), s, e);
        black_box(find_casualties(&tokens, &[]));
    });
    bench("nationalities", &|d, rules, s, e, _| {
        let tokens = tokenize(&d.text, d.lower.view(), s, e);
        let casualties = find_casualties(&tokens, &[]);
        black_box(find_nationalities(
            rules,
            &d.text,
            s,
            e,
            false,
            &tokens,
            &casualties,
        ));
    });
    bench("read_clues", &|d, rules, s, e, head| {
        let at = Position {
            paragraph_start: head,
            ..Position::default()
        };
        black_box(read_clues(rules, &d.text, d.lower.view(), s, e, at));
    });
    group.finish();
}

fn documents(c: &mut Criterion) {
    let docs = samples();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("document");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("split", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(Document::new(&d.text, d.published));
            }
        })
    });
    group.bench_function("parse_document", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(parse_document(&d.text, d.published, "doc"));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, extractors, documents);
criterion_main!(benches);
