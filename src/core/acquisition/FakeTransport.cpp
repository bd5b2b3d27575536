#include "algocore/acquisition/FakeTransport.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

namespace algocore {

namespace asio = boost::asio;

// The I/O-thread end of a FakeLine. Registered with its line while open, so the test thread
// can post bytes and failures to it through its io_context.
class FakeTransport final : public Transport {
public:
    FakeTransport(asio::io_context& io, std::shared_ptr<FakeLine> line)
        : io_(io), line_(std::move(line)) {}
    ~FakeTransport() override { close(); }

    std::string describe() const override { return "fake line"; }

    void start(ChunkHandler on_chunk, ErrorHandler on_error) override {
        on_chunk_ = std::move(on_chunk);
        on_error_ = std::move(on_error);
        std::lock_guard lock(line_->mutex_);
        line_->open_ = this;
        line_->io_ = &io_;
        ++line_->generation_;
    }

    void write(std::span<const std::uint8_t> bytes) override {
        if (closed_) return;
        std::lock_guard lock(line_->mutex_);
        line_->written_.insert(line_->written_.end(), bytes.begin(), bytes.end());
    }

    void discard_input() override {
        std::lock_guard lock(line_->mutex_);
        ++line_->discards_;
    }

    void close() override {
        if (closed_) return;
        closed_ = true;
        std::lock_guard lock(line_->mutex_);
        if (line_->open_ == this) {
            line_->open_ = nullptr;
            line_->io_ = nullptr;
        }
    }

    // Called on the I/O thread by posted work.
    void deliver(const std::vector<std::uint8_t>& bytes, SteadyTime arrival) {
        if (!closed_ && on_chunk_) on_chunk_(ByteChunk{arrival, bytes});
    }
    void fail(TransportError error, const std::string& message) {
        if (closed_) return;
        close();
        if (on_error_) on_error_(error, message);
    }

private:
    asio::io_context& io_;
    std::shared_ptr<FakeLine> line_;
    ChunkHandler on_chunk_;
    ErrorHandler on_error_;
    bool closed_ = false;
};

// Runs `fn` on the I/O thread with the transport that is open now, if it is still the one
// open then (a generation number tells a new transport at a reused address apart). The
// lookup happens on the I/O thread, the only thread that destroys transports.
bool FakeLine::post_to_open(std::function<void(FakeTransport&)> fn) {
    std::lock_guard lock(mutex_);
    if (!open_ || !io_) return false;
    const std::uint64_t generation = generation_;
    asio::post(*io_, [self = shared_from_this(), generation, fn = std::move(fn)] {
        FakeTransport* current = nullptr;
        {
            std::lock_guard inner(self->mutex_);
            if (self->generation_ == generation) current = self->open_;
        }
        if (current) fn(*current);
    });
    return true;
}

bool FakeLine::feed(std::span<const std::uint8_t> bytes, SteadyTime arrival) {
    std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());
    return post_to_open(
        [copy = std::move(copy), arrival](FakeTransport& t) { t.deliver(copy, arrival); });
}

void FakeLine::vanish(const std::string& reason) {
    {
        std::lock_guard lock(mutex_);
        present_ = false;
    }
    post_to_open([reason](FakeTransport& t) { t.fail(TransportError::Vanished, reason); });
}

void FakeLine::set_present(bool present) {
    std::lock_guard lock(mutex_);
    present_ = present;
}

bool FakeLine::present() const {
    std::lock_guard lock(mutex_);
    return present_;
}

void FakeLine::set_open_error(const std::string& error, bool permanent) {
    std::lock_guard lock(mutex_);
    open_error_ = error;
    open_error_permanent_ = permanent;
}

std::vector<std::uint8_t> FakeLine::written() const {
    std::lock_guard lock(mutex_);
    return written_;
}

std::string FakeLine::written_text() const {
    std::lock_guard lock(mutex_);
    return {written_.begin(), written_.end()};
}

int FakeLine::opens() const {
    std::lock_guard lock(mutex_);
    return opens_;
}

int FakeLine::discards() const {
    std::lock_guard lock(mutex_);
    return discards_;
}

bool FakeLine::is_open() const {
    std::lock_guard lock(mutex_);
    return open_ != nullptr;
}

OpenedTransport FakeOpener::open(asio::io_context& io) {
    OpenedTransport opened;
    {
        std::lock_guard lock(line_->mutex_);
        if (!line_->open_error_.empty()) {
            opened.error = line_->open_error_;
            opened.permanent = line_->open_error_permanent_;
            return opened;
        }
        if (!line_->present_) {
            opened.error = "fake line: device not present";
            return opened;
        }
        ++line_->opens_;
    }
    opened.transport = std::make_unique<FakeTransport>(io, line_);
    return opened;
}

} // namespace algocore
