#!/usr/bin/env bash
# Keep the Welsh (and any future) translations in step with the code.
#
#   scripts/translations.sh            extract + update + compile (the usual run)
#   scripts/translations.sh extract    write coproduce/locale/django.pot from the code
#   scripts/translations.sh update     merge django.pot into each language's django.po
#   scripts/translations.sh compile    build each django.mo that Django loads
#   scripts/translations.sh check      for CI: fail if any string is untranslated,
#                                      fuzzy, missing from a catalogue, or has
#                                      placeholders that do not match the English
#
# Works from any directory. Uses the project's virtualenv (.venv); set PYBABEL and
# PYTHON to use others. What is extracted, and from where, is in babel.cfg.
#
# The usual workflow when you add or change a string:
#   1. scripts/translations.sh            (new strings appear in the .po with msgstr "")
#   2. translate them in coproduce/locale/cy/LC_MESSAGES/django.po, and check every
#      entry marked "#, fuzzy" (remove the flag once the Welsh is right)
#   3. scripts/translations.sh compile && scripts/translations.sh check
#
# The .mo files are build output (ignored by git): CI and every deployment must run
# `scripts/translations.sh compile` before Django starts, or pages stay in English.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYBABEL="${PYBABEL:-$ROOT/.venv/bin/pybabel}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
LOCALE_DIR="coproduce/locale"
DOMAIN="django"
POT="$LOCALE_DIR/$DOMAIN.pot"
# Every language other than English (the source language). Must match LANGUAGES in
# coproduce/settings.py.
LANGUAGES=(cy)

# Babel's own Welsh rule has 5 forms; we use the 6 CLDR forms (zero, one, two, few,
# many, other) so that 0 can be worded differently from 4, 5, 7 and up.
declare -A PLURAL_FORMS=(
  [cy]='nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;'
)

# Keywords on top of Babel's defaults (_ gettext ngettext pgettext npgettext ...).
KEYWORDS=(
  -k _ -k gettext -k gettext_lazy -k gettext_noop
  -k ngettext:1,2 -k ngettext_lazy:1,2
  -k pgettext:1c,2 -k pgettext_lazy:1c,2
  -k npgettext:1c,2,3 -k npgettext_lazy:1c,2,3
)

die() {
  echo "translations.sh: $*" >&2
  exit 1
}

require_tools() {
  [[ -x "$PYBABEL" ]] || die "cannot run $PYBABEL: create the virtualenv first (pip install -e '.[dev]' in .venv), or set PYBABEL"
  [[ -x "$PYTHON" ]] || die "cannot run $PYTHON: create the virtualenv first, or set PYTHON"
}

po_file() {
  echo "$LOCALE_DIR/$1/LC_MESSAGES/$DOMAIN.po"
}

project_version() {
  "$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])'
}

# extract_to FILE: every translatable string in the code, as a PO template.
extract_to() {
  # Input "." with paths in babel.cfg relative to the repository root. --ignore-dirs
  # replaces Babel's default (".* ._"), so it is repeated here; node_modules is skipped
  # so that the walk does not crawl frontend/node_modules.
  "$PYBABEL" --quiet extract \
    --mapping-file=babel.cfg \
    --ignore-dirs='.* ._ __pycache__ node_modules' \
    "${KEYWORDS[@]}" \
    --add-comments=Translators: \
    --strip-comments \
    --sort-output \
    --project=Coproduce \
    --version="$(project_version)" \
    --copyright-holder='Coproduce contributors' \
    --output-file="$1" \
    .
}

count_messages() {
  "$PYTHON" -c 'import sys; from babel.messages.pofile import read_po; print(sum(1 for m in read_po(open(sys.argv[1], "rb")) if m.id))' "$1"
}

cmd_extract() {
  mkdir -p "$LOCALE_DIR"
  extract_to "$POT"
  echo "Extracted $(count_messages "$POT") messages to $POT"
}

# A new language: start its catalogue from the template, with the right plural rule.
init_language() {
  local lang="$1" po
  po="$(po_file "$lang")"
  "$PYBABEL" --quiet init --input-file="$POT" --output-dir="$LOCALE_DIR" --domain="$DOMAIN" --locale="$lang"
  if [[ -n "${PLURAL_FORMS[$lang]:-}" ]]; then
    # Babel's header parser and writer keep everything else as it is and write every
    # plural entry with the new number of msgstr forms.
    "$PYTHON" - "$po" "$lang" "${PLURAL_FORMS[$lang]}" <<'PY'
import sys

from babel.messages.pofile import read_po, write_po

path, lang, rule = sys.argv[1:4]
with open(path, "rb") as f:
    catalog = read_po(f, locale=lang)
headers = [(k, v) for k, v in catalog.mime_headers if k.lower() != "plural-forms"]
catalog.mime_headers = [*headers, ("Plural-Forms", rule)]
with open(path, "wb") as f:
    write_po(f, catalog)
PY
  fi
  echo "Created $po"
}

cmd_update() {
  [[ -f "$POT" ]] || die "$POT does not exist: run 'scripts/translations.sh extract' first"
  local lang
  for lang in "${LANGUAGES[@]}"; do
    if [[ ! -f "$(po_file "$lang")" ]]; then
      init_language "$lang"
      continue
    fi
    # Fuzzy matching stays on: when an English string is edited, the old Welsh is kept
    # as a starting point, marked "#, fuzzy" with the previous English (--previous) so
    # the translator sees what changed. Fuzzy entries are never compiled (the page
    # shows English until someone reviews them), and `check` fails while any remain,
    # so a guessed translation can never reach carers unreviewed.
    "$PYBABEL" --quiet update \
      --input-file="$POT" \
      --output-dir="$LOCALE_DIR" \
      --domain="$DOMAIN" \
      --locale="$lang" \
      --previous
    echo "Updated $(po_file "$lang")"
  done
}

cmd_compile() {
  local lang
  for lang in "${LANGUAGES[@]}"; do
    [[ -f "$(po_file "$lang")" ]] || die "$(po_file "$lang") does not exist: run 'scripts/translations.sh' first"
  done
  # Fuzzy entries are left out (no --use-fuzzy): Django falls back to English for them.
  "$PYBABEL" compile --directory="$LOCALE_DIR" --domain="$DOMAIN" --statistics
}

cmd_check() {
  local tmp status=0 lang
  tmp="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  extract_to "$tmp/$DOMAIN.pot"
  for lang in "${LANGUAGES[@]}"; do
    local po
    po="$(po_file "$lang")"
    if [[ ! -f "$po" ]]; then
      echo "FAIL $lang: $po does not exist. Run scripts/translations.sh to create it." >&2
      status=1
      continue
    fi
    "$PYTHON" - "$tmp/$DOMAIN.pot" "$po" "$lang" "${PLURAL_FORMS[$lang]:-}" <<'PY' || status=1
import re
import sys

from babel.messages.pofile import read_po

pot_path, po_path, lang, plural_forms = sys.argv[1:5]
with open(pot_path, "rb") as f:
    pot = read_po(f)
with open(po_path, "rb") as f:
    po = read_po(f, locale=lang)

# A %-format token, as Python's % operator reads it (Jinja's newstyle gettext applies
# % to every template string, so a stray % breaks a page even without placeholders).
TOKEN = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)


def tokens(text):
    found = [m.group(0) for m in TOKEN.finditer(text)]
    stray = "%" in TOKEN.sub("", text)
    return found, stray


def describe(message):
    ident = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
    context = f" [context {message.context!r}]" if message.context else ""
    return f"{ident!r}{context}" + (f" ({where})" if where else "")


problems = []

if plural_forms:
    want = plural_forms.strip().rstrip(";")
    have = po.plural_forms.strip().rstrip(";")
    if want.replace(" ", "") != have.replace(" ", ""):
        problems.append(f"Plural-Forms header is {have!r}, expected {want!r}")

for message in pot:
    if not message.id:
        continue
    translated = po.get(message.id, message.context)
    if translated is None:
        problems.append(f"missing (not in the catalogue yet): {describe(message)}")
    elif message.pluralizable != translated.pluralizable:
        problems.append(f"singular/plural changed since translated: {describe(message)}")

total = 0
for message in po:
    if not message.id:
        continue
    total += 1
    label = describe(message)
    if message.fuzzy:
        problems.append(f"fuzzy (needs review, then remove the fuzzy flag): {label}")
    if message.pluralizable:
        strings = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
        if len(strings) != po.num_plurals:
            problems.append(f"has {len(strings)} plural forms, expected {po.num_plurals}: {label}")
        if any(not s for s in strings):
            problems.append(f"untranslated (a plural form is empty): {label}")
        source_tokens = set(tokens(message.id[0])[0]) | set(tokens(message.id[1])[0])
        for index, text in enumerate(strings):
            if not text:
                continue
            found, stray = tokens(text)
            if stray:
                problems.append(f"msgstr[{index}] has a % that is not a placeholder (write %% for a percent sign): {label}")
            extra = set(found) - source_tokens
            if extra:
                problems.append(f"msgstr[{index}] has placeholders not in the English {sorted(extra)}: {label}")
    else:
        if not message.string:
            problems.append(f"untranslated: {label}")
            continue
        want, _ = tokens(message.id)
        found, stray = tokens(message.string)
        if stray:
            problems.append(f"has a % that is not a placeholder (write %% for a percent sign): {label}")
        if sorted(want) != sorted(found):
            problems.append(f"placeholders differ from the English: {sorted(want)} vs {sorted(found)}: {label}")

for message, errors in po.check():
    for error in errors:
        problems.append(f"{error}: {describe(message)}")

stale = [m for m in po if m.id and pot.get(m.id, m.context) is None]

if problems:
    print(f"FAIL {lang}: {len(problems)} problem(s) in {po_path}:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    print(
        "Run scripts/translations.sh (extract + update + compile), translate or review the "
        f"entries above in {po_path}, and run scripts/translations.sh check again.",
        file=sys.stderr,
    )
    sys.exit(1)

note = f"; {len(stale)} no longer used (run scripts/translations.sh update)" if stale else ""
print(f"OK {lang}: all {total} messages in {po_path} are translated, none fuzzy{note}")
PY
    # The catalogue must also compile (Babel's own format checks).
    if ! "$PYBABEL" --quiet compile --input-file="$po" --output-file="$tmp/$lang.mo" --domain="$DOMAIN" --locale="$lang"; then
      echo "FAIL $lang: $po does not compile" >&2
      status=1
    fi
  done
  if [[ $status -ne 0 ]]; then
    echo "Translations check failed." >&2
    return 1
  fi
  echo "Translations check passed."
}

usage() {
  sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local command="${1:-all}"
  case "$command" in
    -h | --help | help)
      usage
      return 0
      ;;
  esac
  require_tools
  case "$command" in
    all)
      cmd_extract
      cmd_update
      cmd_compile
      ;;
    extract) cmd_extract ;;
    update) cmd_update ;;
    compile) cmd_compile ;;
    check) cmd_check ;;
    *)
      usage >&2
      die "unknown command '$command'"
      ;;
  esac
}

main "$@"
