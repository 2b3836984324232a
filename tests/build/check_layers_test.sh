#!/usr/bin/env bash
# The layer check fails on an include its module may not make (a module it does not use,
# or another module's inside) and names the file and line; a tree that keeps the table
# passes. Usage: check_layers_test.sh SOURCE_DIR
set -euo pipefail
check="$1/scripts/check_layers"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/core" "$tmp/src/store/sqlite" "$tmp/src/search" "$tmp/src/http"
printf 'core||result.hpp\nstore|core|catalog.hpp\nsearch|core,store|searcher.hpp\nhttp|core,search|server.hpp\n' > "$tmp/layers.txt"
touch "$tmp/src/core/result.hpp" "$tmp/src/store/catalog.hpp" "$tmp/src/store/sqlite/db.hpp" \
      "$tmp/src/search/searcher.hpp" "$tmp/src/search/schema.hpp" "$tmp/src/http/server.hpp"
printf '#include "core/result.hpp"\n#include "store/sqlite/db.hpp"\n' > "$tmp/src/store/catalog.cpp"  # its own inside
printf '#include "store/catalog.hpp"\n#include "search/schema.hpp"\n' > "$tmp/src/search/searcher.cpp"
printf '#include "search/searcher.hpp"\n#include <vector>\n' > "$tmp/src/http/server.cpp"
python3 "$check" "$tmp/layers.txt" "$tmp/src"
echo "a tree that keeps the table passes"

printf '#include "search/searcher.hpp"\n#include "store/catalog.hpp"\n' > "$tmp/src/http/server.cpp"
if python3 "$check" "$tmp/layers.txt" "$tmp/src" 2> "$tmp/err"; then echo "FAIL: http including store passed"; exit 1; fi
grep -q "src/http/server.cpp:2: http includes store/catalog.hpp, but http does not use store" "$tmp/err" || { cat "$tmp/err"; exit 1; }
echo "a module it does not use: refused at file:line"

printf '#include "search/schema.hpp"\n' > "$tmp/src/http/server.cpp"
if python3 "$check" "$tmp/layers.txt" "$tmp/src" 2> "$tmp/err"; then echo "FAIL: http including search's inside passed"; exit 1; fi
grep -q "search/schema.hpp is inside search; use its face (searcher.hpp)" "$tmp/err" || { cat "$tmp/err"; exit 1; }
echo "another module's inside: refused"
