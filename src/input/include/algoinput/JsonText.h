#pragma once
// JSON text of what is stored. nlohmann's dump() throws on a string that is not UTF-8, and a
// database an older Algoscope wrote may hold such a name (a Latin-1 subject code from before
// names had to be UTF-8): an export, a history or a result line must still be written whole.
// Every JSON writer goes through json_text; the layer fence test refuses a bare dump().
#include <string>

namespace algoinput {

/// `json` as text, `indent` spaces per level (-1: one line); each byte of a string that is not
/// UTF-8 is written as U+FFFD, so no stored text can make this throw. Valid UTF-8 is kept as is.
template <class Json> std::string json_text(const Json& json, int indent = -1) {
    return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace algoinput
