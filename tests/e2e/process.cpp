#include "process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

namespace kiosk::test {
namespace {

void applyEnv(const std::map<std::string, std::string>& env) {
    for (const auto& [k, v] : env) {
        if (v.empty()) unsetenv(k.c_str());
        else setenv(k.c_str(), v.c_str(), 1);
    }
}

std::vector<char*> cargs(const std::vector<std::string>& argv) {
    std::vector<char*> a;
    for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    return a;
}

std::string drain(int fd) {
    std::string s;
    char buf[8192];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
    close(fd);
    return s;
}

}  // namespace

RunResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
              const std::string& stdinText) {
    int out[2], err[2], in[2];
    if (pipe(out) || pipe(err) || pipe(in)) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        dup2(in[0], 0);
        for (int fd : {out[0], out[1], err[0], err[1], in[0], in[1]}) close(fd);
        applyEnv(env);
        auto a = cargs(argv);
        execv(a[0], a.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    close(in[0]);
    std::thread writer([&] {
        if (!stdinText.empty()) (void)!write(in[1], stdinText.data(), stdinText.size());
        close(in[1]);
    });
    RunResult r;
    std::thread errReader([&] { r.err = drain(err[0]); });
    r.out = drain(out[0]);
    errReader.join();
    writer.join();
    int status = 0;
    waitpid(pid, &status, 0);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

int spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    const pid_t pid = fork();
    if (pid == 0) {
        applyEnv(env);
        auto a = cargs(argv);
        execv(a[0], a.data());
        _exit(127);
    }
    return pid;
}

int stop(int pid) {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeFile(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

}  // namespace kiosk::test
