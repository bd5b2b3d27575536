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

} // namespace algocore::storage
