# Checks a chat question batch against its documents and ground-truth files:
#   python3 bench/check-question-batch.py bench/chat-docs b4
#   python3 bench/check-question-batch.py bench/chat-docs-b5 b5 --every-page
# (--every-page: every page of every document is asked about, as b5 was written to be.)
import json, os, re, subprocess, sys
D = os.path.abspath(sys.argv[1])
BATCH = sys.argv[2]
j = json.load(open(f"{D}/questions-{BATCH}.json"))
ws = lambda s: re.sub(r"\s+", " ", s).strip()
fails = []
npages = {}
for k, d in j["docs"].items():
    f = f"{D}/{d['file']}"
    if not os.path.exists(f): fails.append(f"{k}: missing {d['file']}")
    sz = os.path.getsize(f)
    if sz > 400_000: fails.append(f"{k}: {sz} bytes")
    if d["mime"] == "application/pdf":
        n = int(re.search(r"^Pages:\s+(\d+)", subprocess.check_output(["pdfinfo", f], text=True), re.M).group(1))
    else:
        n = 1
        head = open(f, "rb").read(24)
        w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        if h > 2200 or w < 1500: fails.append(f"{k}: png {w}x{h}")
    npages[k] = n
    if len(d["gt"]) != n: fails.append(f"{k}: {len(d['gt'])} gt files for {n} pages")
    for g in d["gt"]:
        if not os.path.exists(f"{D}/{g}"): fails.append(f"{k}: missing gt {g}")
    print(f"{k:9} {d['mime']:16} pages={n} size={sz}" + (f" png={w}x{h}" if n == 1 and d["mime"] == "image/png" else ""))
gt = {k: [ws(open(f"{D}/{g}").read()) for g in d["gt"]] for k, d in j["docs"].items()}
for i, q in enumerate(j["questions"], 1):
    k = q["doc"]
    if k not in j["docs"]: fails.append(f"q{i}: unknown doc"); continue
    if q.get("batch") != BATCH: fails.append(f"q{i}: batch")
    if q["answers"] is None:
        if q["pages"] or q["quote"] is not None: fails.append(f"q{i}: unanswerable with pages/quote")
        continue
    if not q["pages"] or any(p < 1 or p > npages[k] for p in q["pages"]): fails.append(f"q{i}: pages {q['pages']}"); continue
    quote = ws(q["quote"])
    on = [p for p in q["pages"] if quote in gt[k][p - 1]]
    if not on: fails.append(f"q{i}: quote not on pages {q['pages']}: {quote[:60]}")
    allp = [p for p in range(1, npages[k] + 1) if quote in gt[k][p - 1]]
    if set(allp) - set(q["pages"]): print(f"  note q{i}: quote also on pages {allp}")
    for a in q["answers"]:
        if ws(a).lower() not in quote.lower(): fails.append(f"q{i}: answer {a!r} not in quote")
        if len(ws(a).split()) > 6: fails.append(f"q{i}: answer {a!r} longer than 6 words")
print(len(j["questions"]), "questions,", sum(q["answers"] is None for q in j["questions"]), "unanswerable")
# coverage: every document and every page is asked about
from collections import Counter
per_doc = Counter(q["doc"] for q in j["questions"])
for k in j["docs"]:
    pages_hit = {p for q in j["questions"] if q["doc"] == k for p in (q["pages"] or [])}
    missing = set(range(1, npages[k] + 1)) - pages_hit
    print(f"  {k:9} {per_doc[k]:2} questions ({sum(1 for q in j['questions'] if q['doc'] == k and q['answers'] is None)} unanswerable), pages asked {sorted(pages_hit)}")
    if missing and "--every-page" in sys.argv: fails.append(f"{k}: pages {sorted(missing)} unasked")
print("FAIL\n" + "\n".join(fails) if fails else "ALL CHECKS PASS")
if fails: raise SystemExit(1)
