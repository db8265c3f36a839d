// background_job.h: work that must not hold up the screen (the Argon2id PIN check, an export to a
// USB stick), on a thread of its own. The result is set first and the frame loop woken after, so
// the loop always finds it ready (std::async gives no way to do something after the result is set).
// The thread is joined when the job is destroyed.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <thread>

namespace kiosk {

template <typename T>
class BackgroundJob {
public:
    BackgroundJob(std::function<T()> work, std::function<void()> wake) {
        std::packaged_task<T()> task(std::move(work));
        result_ = task.get_future();
        thread_ = std::thread([task = std::move(task), wake = std::move(wake)]() mutable {
            task();
            if (wake) wake();
        });
    }
    ~BackgroundJob() {
        if (thread_.joinable()) thread_.join();
    }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    bool ready() const { return result_.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
    void wait() const { result_.wait(); }
    T take() { return result_.get(); }  // once, when ready()

private:
    std::future<T> result_;
    std::thread thread_;
};

}  // namespace kiosk
