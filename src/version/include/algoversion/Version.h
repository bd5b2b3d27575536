#pragma once
// Algoscope's version as every program, the About box and the packages show it
// (cmake/AlgoscopeVersion.cmake has the rule): "0.1.0" for a release, "0.1.0+git412.g445acb8"
// for a snapshot of main.
#include <string_view>

namespace algoversion {

/// The version of this build, e.g. "0.1.0+git412.g445acb8".
std::string_view version();

} // namespace algoversion
