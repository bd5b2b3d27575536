#include "algocore/storage/NameRule.h"

#include "algoinput/QuotedInput.h"

namespace algocore::storage {

namespace {

// Greek and Cyrillic letters a reader cannot tell from a Latin letter in print (the report's
// DejaVu Sans draws them alike): "Р001" with a Cyrillic Р would be another subject than "P001"
// on the same page.
struct LookAlike {
    char32_t code_point;
    const char* latin;
};
constexpr LookAlike kLookAlikes[] = {
    // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ϊ Ϋ
    {0x0391, "A"},
    {0x0392, "B"},
    {0x0395, "E"},
    {0x0396, "Z"},
    {0x0397, "H"},
    {0x0399, "I"},
    {0x039A, "K"},
    {0x039C, "M"},
    {0x039D, "N"},
    {0x039F, "O"},
    {0x03A1, "P"},
    {0x03A4, "T"},
    {0x03A5, "Y"},
    {0x03A7, "X"},
    {0x03AA, "\u00cf"},
    {0x03AB, "\u0178"},
    // Greek small letters: α γ ι ν ο ρ υ
    {0x03B1, "a"},
    {0x03B3, "y"},
    {0x03B9, "i"},
    {0x03BD, "v"},
    {0x03BF, "o"},
    {0x03C1, "p"},
    {0x03C5, "u"},
    // Cyrillic capitals: Ѐ Ё Ѕ І Ї Ј А В Е К М Н О Р С Т У Х Ү Ӏ Ӓ Ӕ Ӧ
    {0x0400, "\u00c8"},
    {0x0401, "\u00cb"},
    {0x0405, "S"},
    {0x0406, "I"},
    {0x0407, "\u00cf"},
    {0x0408, "J"},
    {0x0410, "A"},
    {0x0412, "B"},
    {0x0415, "E"},
    {0x041A, "K"},
    {0x041C, "M"},
    {0x041D, "H"},
    {0x041E, "O"},
    {0x0420, "P"},
    {0x0421, "C"},
    {0x0422, "T"},
    {0x0423, "Y"},
    {0x0425, "X"},
    {0x04AE, "Y"},
    {0x04C0, "I"},
    {0x04D2, "\u00c4"},
    {0x04D4, "\u00c6"},
    {0x04E6, "\u00d6"},
    // Cyrillic small letters: а е о р с у х ѐ ё ѕ і ї ј һ ӏ ӓ ӕ ӧ
    {0x0430, "a"},
    {0x0435, "e"},
    {0x043E, "o"},
    {0x0440, "p"},
    {0x0441, "c"},
    {0x0443, "y"},
    {0x0445, "x"},
    {0x0450, "\u00e8"},
    {0x0451, "\u00eb"},
    {0x0455, "s"},
    {0x0456, "i"},
    {0x0457, "\u00ef"},
    {0x0458, "j"},
    {0x04BB, "h"},
    {0x04CF, "l"},
    {0x04D3, "\u00e4"},
    {0x04D5, "\u00e6"},
    {0x04E7, "\u00f6"},
};

bool in(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

// The alphabets a code is written in, before look-alikes are taken out.
bool in_code_alphabets(char32_t c) {
    return in(c, 0x20, 0x7E) ||                               // ASCII
           (in(c, 0xC0, 0x17F) && c != 0xD7 && c != 0xF7) ||  // accented Latin, not × ÷
           c == 0x386 || in(c, 0x388, 0x38A) || c == 0x38C || // Greek with tonos
           in(c, 0x38E, 0x3A1) || in(c, 0x3A3, 0x3CE) ||      // Greek
           in(c, 0x400, 0x45F) || in(c, 0x490, 0x4FF);        // Cyrillic
}

enum class Script { Latin, Greek, Cyrillic, None };

// The script of a letter a code may hold; None for a digit, sign or space.
Script script_of(char32_t c) {
    if (in(c, 'A', 'Z') || in(c, 'a', 'z') || (in(c, 0xC0, 0x17F) && c != 0xD7 && c != 0xF7))
        return Script::Latin;
    if (in(c, 0x370, 0x3FF)) return Script::Greek;
    if (in(c, 0x400, 0x4FF)) return Script::Cyrillic;
    return Script::None;
}

const char* script_name(Script s) {
    return s == Script::Latin ? "Latin" : s == Script::Greek ? "Greek" : "Cyrillic";
}

// The same Greek or Cyrillic letter in the other case (Σ for σ, в for В), or the letter itself
// when it has no other case in the code alphabets (ΐ, ΰ, any other character).
char32_t other_case(char32_t c) {
    if (in(c, 0x391, 0x3AB) && c != 0x3A2) return c + 0x20; // Α..Ϋ
    if (in(c, 0x3B1, 0x3CB) && c != 0x3C2) return c - 0x20; // α..ϋ
    if (c == 0x3C2) return 0x3A3;                           // final ς, Σ
    if (c == 0x386) return 0x3AC;                           // Ά ά
    if (c == 0x3AC) return 0x386;
    if (in(c, 0x388, 0x38A)) return c + 0x25; // Έ Ή Ί
    if (in(c, 0x3AD, 0x3AF)) return c - 0x25;
    if (c == 0x38C) return 0x3CC; // Ό ό
    if (c == 0x3CC) return 0x38C;
    if (in(c, 0x38E, 0x38F)) return c + 0x3F; // Ύ Ώ
    if (in(c, 0x3CD, 0x3CE)) return c - 0x3F;
    if (in(c, 0x400, 0x40F)) return c + 0x50; // Ѐ..Џ
    if (in(c, 0x450, 0x45F)) return c - 0x50;
    if (in(c, 0x410, 0x42F)) return c + 0x20; // А..Я
    if (in(c, 0x430, 0x44F)) return c - 0x20;
    if (c == 0x4C0) return 0x4CF; // Ӏ ӏ
    if (c == 0x4CF) return 0x4C0;
    if (in(c, 0x4C1, 0x4CE)) return (c % 2 == 1) ? c + 1 : c - 1; // Ӂ..ӎ: capitals odd
    if (in(c, 0x460, 0x481) || in(c, 0x48A, 0x4BF) || in(c, 0x4D0, 0x4FF))
        return (c % 2 == 0) ? c + 1 : c - 1; // capitals even
    return c;
}

// A letter looks like a Latin one in one case or the other: codes are one without regard to
// case, so "авс-1" is refused as "АВС-1" is, though a small в alone is no b.
bool looks_latin_in_a_case(char32_t c) {
    return latin_look_alike(c) != nullptr || latin_look_alike(other_case(c)) != nullptr;
}

struct ScriptInCode {
    int letters = 0;
    std::size_t first_at = 0; // index of its first letter in the code's code points
};

// "has 'е' (U+0435)": the code and the character, as they are (check_record_name let no
// control character or direction override through).
std::string code_has(const std::string& code, char32_t c) {
    return "the subject code '" + code + "' has '" + algoinput::utf8_of(c) + "' (" +
           algoinput::code_point_name(c) + ")";
}

// A code in Latin and Cyrillic (or Greek) letters at once ("patiеnt-7" with a Cyrillic е):
// named by the first letter of the script with the fewest letters (on a tie the Greek or
// Cyrillic one, then the script the code came to later).
std::string mixed_scripts_problem(const std::string& code, const std::u32string& points,
                                  const ScriptInCode (&scripts)[3]) {
    auto fewer = [&](int a, int b) { // whether script a is the one to name rather than b
        if (scripts[a].letters != scripts[b].letters)
            return scripts[a].letters < scripts[b].letters;
        if ((a == 0) != (b == 0)) return b == 0; // Latin is named last
        return scripts[a].first_at > scripts[b].first_at;
    };
    int minority = -1;
    int majority = -1;
    for (int s = 0; s < 3; ++s) {
        if (scripts[s].letters == 0) continue;
        if (minority < 0 || fewer(s, minority)) minority = s;
    }
    for (int s = 0; s < 3; ++s) {
        if (scripts[s].letters == 0 || s == minority) continue;
        if (majority < 0 || scripts[s].letters > scripts[majority].letters ||
            (scripts[s].letters == scripts[majority].letters &&
             scripts[s].first_at < scripts[majority].first_at))
            majority = s;
    }
    const char32_t c = points[scripts[minority].first_at];
    std::string problem =
        code_has(code, c) + ", a " + script_name(static_cast<Script>(minority)) + " letter";
    if (const char* latin = latin_look_alike(c))
        problem += std::string(" that looks like the Latin '") + latin + "'";
    return problem + " among " + script_name(static_cast<Script>(majority)) +
           " letters: write a code in one alphabet, so that no two codes print alike";
}

// A Greek or Cyrillic code each of whose letters looks like a Latin one ("Р001", "АВС-1",
// "сор"): named by its first letter that does so as it is typed, else by its first letter and
// the other case that does.
std::string latin_look_alike_problem(const std::string& code, const std::u32string& points,
                                     int letters) {
    char32_t named = 0;
    for (const char32_t c : points)
        if (latin_look_alike(c) != nullptr) {
            named = c;
            break;
        }
    std::string problem;
    if (named != 0) {
        problem = code_has(code, named) + ", a " + script_name(script_of(named)) +
                  " letter that looks like the Latin '" + latin_look_alike(named) + "'";
    } else {
        for (const char32_t c : points)
            if (script_of(c) != Script::None) {
                named = c;
                break;
            }
        const char32_t other = other_case(named);
        problem = code_has(code, named) + ", a " + script_name(script_of(named)) +
                  " letter whose " + (other < named ? "capital" : "small letter") + " '" +
                  algoinput::utf8_of(other) + "' looks like the Latin '" + latin_look_alike(other) +
                  "'";
    }
    return problem + (letters == 1 ? ": type the Latin letter" : ": type the Latin letters") +
           ", so that no two codes print alike";
}

} // namespace

std::string check_record_name(const std::string& text, const char* what) {
    if (text.size() > kMaxNameLength)
        return std::string(what) + " is longer than " + std::to_string(kMaxNameLength) +
               " characters";
    if (const std::string problem = algoinput::printable_text_problem(text); !problem.empty())
        return std::string(what) + " must be UTF-8 text without control characters (" + problem +
               ")";
    return {};
}

const char* latin_look_alike(char32_t code_point) {
    for (const LookAlike& l : kLookAlikes)
        if (l.code_point == code_point) return l.latin;
    return nullptr;
}

bool subject_code_allows(char32_t code_point) {
    return in_code_alphabets(code_point);
}

std::string check_subject_code(const std::string& code) {
    if (std::string bad = check_record_name(code, "the subject code"); !bad.empty()) return bad;
    const std::u32string points = algoinput::code_points(code);
    ScriptInCode scripts[3];
    int scripts_used = 0;
    int letters = 0;
    bool every_letter_looks_latin = true;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const char32_t c = points[i];
        if (!subject_code_allows(c))
            return code_has(code, c) +
                   ", which a subject code cannot hold: codes are written in Latin, Greek or "
                   "Cyrillic letters, digits and signs, which every report prints as typed";
        const Script script = script_of(c);
        if (script == Script::None) continue;
        ScriptInCode& in_code = scripts[static_cast<int>(script)];
        if (in_code.letters++ == 0) {
            in_code.first_at = i;
            ++scripts_used;
        }
        ++letters;
        every_letter_looks_latin = every_letter_looks_latin && looks_latin_in_a_case(c);
    }
    if (scripts_used > 1) return mixed_scripts_problem(code, points, scripts);
    if (scripts[static_cast<int>(Script::Latin)].letters == 0 && letters > 0 &&
        every_letter_looks_latin)
        return latin_look_alike_problem(code, points, letters);
    return {};
}

std::string folded_subject_code(const std::string& code) {
    std::string out = code;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool same_subject_code(const std::string& a, const std::string& b) {
    return folded_subject_code(a) == folded_subject_code(b);
}

} // namespace algocore::storage
