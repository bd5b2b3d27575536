#pragma once
// The reason of the audited corrections a session gets when another device measures in it:
// session::Recorder::set_device writes them, the visit's report reads them
// (history::devices_of).
namespace algocore::records {

inline constexpr const char* kDeviceChangedReason = "device changed during the session";

} // namespace algocore::records
