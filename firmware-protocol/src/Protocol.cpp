#include "algoproto/Protocol.h"

namespace algoproto {

bool is_known_type(std::uint8_t type) {
    switch (static_cast<MessageType>(type)) {
    case MessageType::Samples:
    case MessageType::Event:
    case MessageType::Status:
    case MessageType::DeviceInfo:
    case MessageType::Pong:
    case MessageType::Ack:
    case MessageType::Nack:
    case MessageType::CueShown:
    case MessageType::GetInfo:
    case MessageType::Start:
    case MessageType::Stop:
    case MessageType::Tare:
    case MessageType::Ping:
    case MessageType::Cue: return true;
    }
    return false;
}

const char* type_name(std::uint8_t type) {
    switch (static_cast<MessageType>(type)) {
    case MessageType::Samples: return "SAMPLES";
    case MessageType::Event: return "EVENT";
    case MessageType::Status: return "STATUS";
    case MessageType::DeviceInfo: return "DEVICE_INFO";
    case MessageType::Pong: return "PONG";
    case MessageType::Ack: return "ACK";
    case MessageType::Nack: return "NACK";
    case MessageType::CueShown: return "CUE_SHOWN";
    case MessageType::GetInfo: return "GET_INFO";
    case MessageType::Start: return "START";
    case MessageType::Stop: return "STOP";
    case MessageType::Tare: return "TARE";
    case MessageType::Ping: return "PING";
    case MessageType::Cue: return "CUE";
    }
    return "UNKNOWN";
}

const char* to_string(NackCode code) {
    switch (code) {
    case NackCode::UnknownCommand: return "unknown command";
    case NackCode::PayloadTooShort: return "command payload too short";
    case NackCode::BadArgument: return "argument out of range";
    case NackCode::Busy: return "device busy (a tare or a cue is running)";
    case NackCode::NotSupported: return "not supported by this device";
    case NackCode::TareFailed: return "tare failed (ADC saturated or not responding)";
    case NackCode::UnsupportedVersion: return "device does not speak this protocol version";
    }
    return "unknown NACK code";
}

} // namespace algoproto
