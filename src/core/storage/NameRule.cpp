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

const char* script_of(char32_t c) {
    return in(c, 0x370, 0x3FF) ? "Greek" : "Cyrillic";
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
    return in_code_alphabets(code_point) && latin_look_alike(code_point) == nullptr;
}

std::string check_subject_code(const std::string& code) {
    if (std::string bad = check_record_name(code, "the subject code"); !bad.empty()) return bad;
    for (const char32_t c : algoinput::code_points(code)) {
        if (subject_code_allows(c)) continue;
        // check_record_name let no control character or direction override through, so the
        // code and the character can be shown as they are.
        const std::string which = "the subject code '" + code + "' has '" + algoinput::utf8_of(c) +
                                  "' (" + algoinput::code_point_name(c) + ")";
        if (const char* latin = latin_look_alike(c))
            return which + ", a " + script_of(c) + " letter that looks like the Latin '" + latin +
                   "': type the Latin letter, so that no two codes print alike";
        return which + ", which a subject code cannot hold: codes are written in Latin, Greek or "
                       "Cyrillic letters, digits and signs, which every report prints as typed";
    }
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
