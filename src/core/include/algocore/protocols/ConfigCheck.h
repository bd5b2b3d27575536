#pragma once
// Result of validating a protocol setting: which field is wrong and why, in words a
// therapist can read next to the field. Protocol code does not throw on bad settings.
#include <string>
#include <utility>

namespace algocore::protocols {

/// Outcome of a validate() call. Empty reason means the setting is usable.
struct ConfigCheck {
    std::string field;  ///< name of the offending field ("low_kpa", "rate_kpa_s", ...)
    std::string reason; ///< human-readable reason, empty when ok

    bool ok() const { return reason.empty(); }
    static ConfigCheck good() { return {}; }
    static ConfigCheck bad(std::string field_name, std::string why) {
        return {std::move(field_name), std::move(why)};
    }
};

} // namespace algocore::protocols
