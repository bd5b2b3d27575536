#include "algocore/acquisition/ReplayTransport.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <optional>

namespace algocore {
namespace {

namespace asio = boost::asio;

// At speed 0 records are handed over in bursts of this many, then the loop yields to the
// io_context so ticks and commands still run between bursts.
constexpr int kRecordsPerBurst = 64;
// A reply is held at most this long for the driver's request; then it is delivered anyway
// (the replaying driver took another path, e.g. a different retry).
constexpr auto kConversationGateTimeout = std::chrono::milliseconds(500);

struct ReplayState {
    ReplayState(asio::io_context& io, std::shared_ptr<ReplayCursor> c)
        : timer(io), io_context(io), cursor(std::move(c)) {}
    asio::steady_timer timer;
    asio::io_context& io_context;
    std::shared_ptr<ReplayCursor> cursor;
    bool closed = false;
    std::uint64_t wait_generation = 0; // a newer schedule() makes older timer waits moot
    std::optional<SteadyTime> gated_since;
    Transport::ChunkHandler on_chunk;
    Transport::ErrorHandler on_error;
};

class ReplayTransport final : public Transport {
public:
    ReplayTransport(std::shared_ptr<ReplayState> state, std::string source)
        : state_(std::move(state)), source_(std::move(source)) {}
    ~ReplayTransport() override { close(); }

    std::string describe() const override { return "replay of " + source_; }

    void start(ChunkHandler on_chunk, ErrorHandler on_error) override {
        state_->on_chunk = std::move(on_chunk);
        state_->on_error = std::move(on_error);
        // Like a real port, deliver from the io_context, never from inside start().
        asio::post(state_->io_context, [s = state_] {
            if (!s->closed) schedule(s);
        });
    }

    // The capture already holds the device's answers; what the driver says goes nowhere,
    // but it releases a reply waiting for it.
    void write(std::span<const std::uint8_t> bytes) override {
        if (state_->closed) return;
        state_->cursor->host_bytes_written += bytes.size();
        if (state_->gated_since) {
            asio::post(state_->io_context, [s = state_] {
                if (!s->closed) schedule(s);
            });
        }
    }
    // The capture holds exactly the bytes the driver saw live (discarded input never
    // reached it), so there is nothing to discard here.
    void discard_input() override {}

    void close() override {
        if (state_->closed) return;
        state_->closed = true;
        state_->timer.cancel();
    }

private:
    static void finish(const std::shared_ptr<ReplayState>& s, TransportError error,
                       const std::string& message) {
        s->closed = true;
        if (s->on_error) s->on_error(error, message);
    }

    static void wait_until(const std::shared_ptr<ReplayState>& s, SteadyTime when) {
        const std::uint64_t generation = s->wait_generation;
        s->timer.expires_at(when);
        s->timer.async_wait([s, generation](const boost::system::error_code& ec) {
            if (!ec && !s->closed && generation == s->wait_generation) schedule(s);
        });
    }

    // Deliver every record that is due, then wait for the next one.
    static void schedule(const std::shared_ptr<ReplayState>& s) {
        ReplayCursor& c = *s->cursor;
        ++s->wait_generation;
        for (int burst = 0; !s->closed; ++burst) {
            if (c.at_end()) {
                finish(s, TransportError::EndOfReplay, "end of replay");
                return;
            }
            const CaptureRecord& record = c.capture->records[c.next_record];
            if (record.kind == CaptureRecordKind::HostToDevice) {
                c.host_bytes_recorded += record.payload.size();
                ++c.next_record;
                continue;
            }
            const SteadyTime now = SteadyClock::now();
            if (record.kind == CaptureRecordKind::DeviceToHost &&
                c.host_bytes_written < c.host_bytes_recorded) {
                if (!s->gated_since) s->gated_since = now;
                if (now - *s->gated_since < kConversationGateTimeout) {
                    wait_until(s, *s->gated_since + kConversationGateTimeout);
                    return;
                }
                c.host_bytes_written = c.host_bytes_recorded; // give up waiting
            }
            s->gated_since.reset();
            const SteadyTime due = replay_arrival(c, record.t_ns);
            if (c.speed > 0 && due > now) {
                wait_until(s, due);
                return;
            }
            if (c.speed <= 0 && burst >= kRecordsPerBurst) {
                asio::post(s->io_context, [s] {
                    if (!s->closed) schedule(s);
                });
                return;
            }
            ++c.next_record;
            switch (record.kind) {
            case CaptureRecordKind::DeviceToHost:
                if (s->on_chunk) s->on_chunk(ByteChunk{due, record.payload});
                break;
            case CaptureRecordKind::LinkLost:
                finish(s, TransportError::Vanished,
                       "replayed link loss: " +
                           std::string(record.payload.begin(), record.payload.end()));
                return;
            case CaptureRecordKind::HostToDevice:
            case CaptureRecordKind::LinkOpened: break;
            }
        }
    }

    std::shared_ptr<ReplayState> state_;
    std::string source_;
};

} // namespace

SteadyTime replay_arrival(const ReplayCursor& cursor, std::uint64_t t_ns) {
    const double factor = cursor.speed > 0 ? 1.0 / cursor.speed : 1.0;
    return cursor.session_start +
           std::chrono::duration_cast<SteadyClock::duration>(
               std::chrono::duration<double, std::nano>(static_cast<double>(t_ns) * factor));
}

ReplayOpener::ReplayOpener(std::shared_ptr<const RawCaptureContents> capture,
                           std::string source_name, SteadyTime session_start, double speed)
    : cursor_(std::make_shared<ReplayCursor>()), source_name_(std::move(source_name)) {
    cursor_->capture = std::move(capture);
    cursor_->session_start = session_start;
    cursor_->speed = speed;
}

std::string ReplayOpener::describe() const {
    return "replay of " + source_name_;
}

OpenedTransport ReplayOpener::open(asio::io_context& io) {
    OpenedTransport opened;
    if (cursor_->at_end()) {
        opened.error = source_name_ + ": end of replay";
        opened.permanent = true;
        return opened;
    }
    // A new connection starts a new conversation: nothing is owed from the last one.
    cursor_->host_bytes_written = cursor_->host_bytes_recorded;
    auto state = std::make_shared<ReplayState>(io, cursor_);
    opened.transport = std::make_unique<ReplayTransport>(std::move(state), source_name_);
    return opened;
}

} // namespace algocore
