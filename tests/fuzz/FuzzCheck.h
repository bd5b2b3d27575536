#pragma once
// The fuzzers' assertion: a broken invariant aborts, which libFuzzer reports with the input.
#include <cstdlib>

namespace fuzzcheck {

inline void check(bool ok) {
    if (!ok) std::abort();
}

} // namespace fuzzcheck
