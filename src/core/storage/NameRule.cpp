#include "algocore/storage/NameRule.h"

#include "algoinput/QuotedInput.h"

namespace algocore::storage {

std::string check_record_name(const std::string& text, const char* what) {
    if (text.size() > kMaxNameLength)
        return std::string(what) + " is longer than " + std::to_string(kMaxNameLength) +
               " characters";
    if (!algoinput::is_printable_text(text))
        return std::string(what) + " contains control characters or is not UTF-8 text";
    return {};
}

} // namespace algocore::storage
