#include "algocore/storage/NameRule.h"

#include "algoinput/QuotedInput.h"

namespace algocore::storage {

std::string check_record_name(const std::string& text, const char* what) {
    if (text.size() > kMaxNameLength)
        return std::string(what) + " is longer than " + std::to_string(kMaxNameLength) +
               " characters";
    if (const std::string problem = algoinput::printable_text_problem(text); !problem.empty())
        return std::string(what) + " must be UTF-8 text without control characters (" + problem +
               ")";
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
