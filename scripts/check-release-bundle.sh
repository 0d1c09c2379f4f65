#!/usr/bin/env bash
# Checks what `mvn -Prelease verify` left for Maven Central: for every published module the jar
# (with the licence), a sources jar and a javadoc jar (with the licence in its footer), and the
# POM elements Central requires (name, description, url, licenses, scm, developers; the modules
# inherit all but name and description from the parent). Run from anywhere after that build.
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
fail() { echo "release bundle: $*" >&2; failures=$((failures + 1)); }

# The first <version> of the parent POM is the project's (it has no parent of its own).
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)
[ -n "$version" ] || { echo "release bundle: no <version> in pom.xml" >&2; exit 1; }

# Whether the XML file $1 has an element at the nesting given by the names $2... (children of <project>).
has_element() {
  local file=$1; shift
  python3 - "$file" "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
node = ET.parse(sys.argv[1]).getroot()
for name in sys.argv[2:]:
    node = node.find("m:" + name, ns)
    if node is None:
        sys.exit(1)
sys.exit(0 if (node.text or "").strip() or len(node) else 1)
PY
}

for path in name description url licenses/license/name licenses/license/url scm/url scm/connection \
        scm/developerConnection developers/developer/name developers/developer/email; do
  has_element pom.xml ${path//\// } || fail "pom.xml has no <${path//\//><}>"
done

entries() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
entry() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }

for module in core:gmm4j-core weka-plugin:gmm4j-weka smile-adapter:gmm4j-smile; do
  dir=${module%%:*}; artifact=${module#*:}
  for element in name description; do
    has_element "$dir/pom.xml" "$element" || fail "$dir/pom.xml has no <$element>"
  done
  base="$dir/target/$artifact-$version"
  for suffix in "" -sources -javadoc; do
    [ -s "$base$suffix.jar" ] || fail "missing $base$suffix.jar"
  done
  if [ -s "$base.jar" ]; then
    grep -qx 'META-INF/LICENSE' <<<"$(entries "$base.jar")" || fail "$base.jar has no META-INF/LICENSE"
  fi
  if [ -s "$base-sources.jar" ]; then
    grep -q '\.java$' <<<"$(entries "$base-sources.jar")" || fail "$base-sources.jar has no .java file"
  fi
  if [ -s "$base-javadoc.jar" ]; then
    # Every page has the footer; this one exists whatever the packages.
    footer=$(entry "$base-javadoc.jar" allclasses-index.html) || fail "$base-javadoc.jar has no allclasses-index.html"
    grep -q 'Apache License, Version 2.0' <<<"$footer" || fail "$base-javadoc.jar: the footer does not name the licence"
    ! grep -qi 'all rights reserved' <<<"$footer" || fail "$base-javadoc.jar: the footer says \"All rights reserved\""
  fi
  [ $failures -eq 0 ] && echo "release bundle: $artifact-$version: jar, sources, javadoc"
done

[ $failures -eq 0 ] || { echo "release bundle: $failures problem(s)" >&2; exit 1; }
echo "release bundle: complete"
