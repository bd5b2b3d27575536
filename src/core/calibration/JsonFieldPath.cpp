#include "JsonFieldPath.h"

#include <vector>

namespace algocore {
namespace {

using Json = nlohmann::json;
using Event = Json::parse_event_t;

struct TooDeep {};

// Where the parser is: one level per open object or array, with the current key or the
// index of the next element. The callback sees a key before its value, and a value only
// once it parsed, so when the parser throws, the path names the value it was reading.
class FieldPath {
public:
    bool on_event(int depth, Event event, const Json& parsed) {
        switch (event) {
        case Event::object_start: open(false, depth); break;
        case Event::array_start: open(true, depth); break;
        case Event::key: levels_.back().key = parsed.get<std::string>(); break;
        case Event::object_end:
        case Event::array_end:
            levels_.pop_back();
            element_done();
            break;
        case Event::value: element_done(); break;
        }
        return true;
    }

    std::string path() const {
        std::string out;
        for (const Level& level : levels_) {
            if (level.array) {
                out += "[" + std::to_string(level.next_index) + "]";
            } else {
                if (level.key.empty()) break;
                out += (out.empty() ? "" : ".") + level.key;
            }
        }
        return out;
    }

private:
    struct Level {
        bool array = false;
        std::string key;
        std::size_t next_index = 0;
    };

    void open(bool array, int depth) {
        if (depth >= kMaxJsonDepth) throw TooDeep{};
        levels_.push_back({array, {}, 0});
    }
    void element_done() {
        if (!levels_.empty() && levels_.back().array) ++levels_.back().next_index;
    }

    std::vector<Level> levels_;
};

ParsedJson failure(const FieldPath& where, std::string problem) {
    ParsedJson out;
    out.field = where.path();
    if (out.field.empty()) out.field = "(record)";
    out.problem = std::move(problem);
    return out;
}

} // namespace

ParsedJson parse_json_naming_field(std::string_view text) {
    FieldPath where;
    try {
        ParsedJson out;
        out.value =
            Json::parse(text.begin(), text.end(), [&where](int depth, Event event, Json& parsed) {
                return where.on_event(depth, event, parsed);
            });
        out.ok = true;
        return out;
    } catch (const Json::parse_error& error) {
        // The library's own text quotes the offending bytes raw; say it in our words.
        const std::string what = error.what();
        const bool not_utf8 = what.find("UTF-8") != std::string::npos;
        return failure(where, std::string(not_utf8 ? "holds bytes that are not UTF-8 text"
                                                   : "is not valid JSON (corrupt or truncated)") +
                                  " at byte " + std::to_string(error.byte));
    } catch (const Json::out_of_range&) {
        return failure(where, "holds a number too large for a double (beyond ±1.8e308)");
    } catch (const TooDeep&) {
        return failure(where, "is nested more than " + std::to_string(kMaxJsonDepth) +
                                  " levels deep (not a calibration record)");
    } catch (const Json::exception&) {
        return failure(where, "cannot be read (damaged record)");
    } catch (const std::bad_alloc&) {
        return failure(where, "is too large to read into memory");
    }
}

} // namespace algocore
