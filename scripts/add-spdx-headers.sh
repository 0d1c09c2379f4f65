#!/usr/bin/env bash
# Puts the licence's SPDX identifier first in every Java source file of the repository:
#   // SPDX-License-Identifier: Apache-2.0
# Files that already start with it are left as they are, so running it again changes nothing.
# With --check it changes nothing and fails, listing them, when a file lacks the line (CI runs that).
set -euo pipefail
cd "$(dirname "$0")/.."

header='// SPDX-License-Identifier: Apache-2.0'
check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

missing=0
while IFS= read -r -d '' file; do
  first=$(head -n 1 "$file")
  [ "${first%$'\r'}" = "$header" ] && continue
  missing=$((missing + 1))
  if $check; then
    echo "no SPDX header: $file" >&2
  else
    { printf '%s\n' "$header"; cat "$file"; } > "$file.spdx" && cat "$file.spdx" > "$file" && rm "$file.spdx"
    echo "added the SPDX header: $file"
  fi
done < <(find . \( -name .git -o -name target \) -prune -o -type f -name '*.java' -print0 | sort -z)

if $check && [ "$missing" -gt 0 ]; then
  echo "$missing Java file(s) without '$header' as their first line: run scripts/add-spdx-headers.sh" >&2
  exit 1
fi
$check && echo "SPDX headers: every Java file has one"
exit 0
