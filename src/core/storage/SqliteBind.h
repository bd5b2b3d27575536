#pragma once
// Binding an optional value to a statement, private to the storage: NULL when it is absent.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>

namespace algocore::storage {

template <typename T>
void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& v) {
    if (v) {
        st.bind(index, *v);
    } else {
        st.bind(index);
    }
}

} // namespace algocore::storage
