#include "power_cut_vfs.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace kiosk::test {

namespace {
PowerCutVfs* g_active = nullptr;  // one shim at a time
}

struct PowerCutVfs::File {
    sqlite3_file base;       // pMethods: the shim's
    sqlite3_file* real;      // the default VFS's file, right behind this struct
    Record* record;          // nullptr for files that are not recorded (the -shm has no xWrite)
};

namespace {

sqlite3_file* realOf(sqlite3_file* f) { return reinterpret_cast<PowerCutVfs::File*>(f)->real; }

int xClose(sqlite3_file* f) { return realOf(f)->pMethods->xClose(realOf(f)); }
int xRead(sqlite3_file* f, void* p, int n, sqlite3_int64 o) { return realOf(f)->pMethods->xRead(realOf(f), p, n, o); }
int xFileSize(sqlite3_file* f, sqlite3_int64* s) { return realOf(f)->pMethods->xFileSize(realOf(f), s); }
int xLock(sqlite3_file* f, int l) { return realOf(f)->pMethods->xLock(realOf(f), l); }
int xUnlock(sqlite3_file* f, int l) { return realOf(f)->pMethods->xUnlock(realOf(f), l); }
int xCheckReservedLock(sqlite3_file* f, int* r) { return realOf(f)->pMethods->xCheckReservedLock(realOf(f), r); }
int xFileControl(sqlite3_file* f, int op, void* a) { return realOf(f)->pMethods->xFileControl(realOf(f), op, a); }
int xSectorSize(sqlite3_file* f) { return realOf(f)->pMethods->xSectorSize(realOf(f)); }
int xDeviceCharacteristics(sqlite3_file* f) {
    // Claim nothing about atomic or safe-append writes: SQLite must not lean on them.
    return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f)) &
           ~(SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_ATOMIC512 | SQLITE_IOCAP_ATOMIC4K | SQLITE_IOCAP_SAFE_APPEND |
             SQLITE_IOCAP_SEQUENTIAL | SQLITE_IOCAP_POWERSAFE_OVERWRITE | SQLITE_IOCAP_BATCH_ATOMIC);
}
int xShmMap(sqlite3_file* f, int i, int sz, int b, void volatile** p) { return realOf(f)->pMethods->xShmMap(realOf(f), i, sz, b, p); }
int xShmLock(sqlite3_file* f, int o, int n, int fl) { return realOf(f)->pMethods->xShmLock(realOf(f), o, n, fl); }
void xShmBarrier(sqlite3_file* f) { realOf(f)->pMethods->xShmBarrier(realOf(f)); }
int xShmUnmap(sqlite3_file* f, int d) { return realOf(f)->pMethods->xShmUnmap(realOf(f), d); }
int xFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
    *p = nullptr;  // no memory-mapped reads: every byte goes through xRead
    (void)f, (void)o, (void)n;
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
    (void)f, (void)o, (void)p;
    return SQLITE_OK;
}

std::string readWhole(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

PowerCutVfs::PowerCutVfs(unsigned seed) : rng_(seed) {
    if (g_active) throw std::logic_error("one PowerCutVfs at a time");
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "power-cut";
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.xOpen = &PowerCutVfs::xOpen;
    vfs_.xDelete = &PowerCutVfs::xDelete;
    vfs_.pNext = nullptr;
    g_active = this;
    sqlite3_vfs_register(&vfs_, 1);
}

PowerCutVfs::~PowerCutVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
    g_active = nullptr;
}

int PowerCutVfs::xOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    static const sqlite3_io_methods methods = {
        3, xClose, xRead, &PowerCutVfs::xWrite, &PowerCutVfs::xTruncate, &PowerCutVfs::xSync, xFileSize, xLock,
        xUnlock, xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock,
        xShmBarrier, xShmUnmap, xFetch, xUnfetch};
    auto* self = static_cast<PowerCutVfs*>(vfs->pAppData);
    auto* f = reinterpret_cast<File*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->record = nullptr;
    const int rc = self->real_->xOpen(self->real_, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK || !f->real->pMethods) {
        file->pMethods = nullptr;
        return rc;
    }
    file->pMethods = &methods;
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL))) {
        auto [it, fresh] = self->files_.try_emplace(name);
        if (fresh || it->second.gone) it->second = Record{readWhole(name), {}, false};  // what the disk holds now
        f->record = &it->second;
    }
    return SQLITE_OK;
}

int PowerCutVfs::xDelete(sqlite3_vfs* vfs, const char* name, int syncDir) {
    auto* self = static_cast<PowerCutVfs*>(vfs->pAppData);
    // SQLite deletes a WAL only after syncing the database it went into: the deletion is taken as durable.
    if (auto it = self->files_.find(name); it != self->files_.end()) it->second = Record{{}, {}, true};
    return self->real_->xDelete(self->real_, name, syncDir);
}

int PowerCutVfs::xWrite(sqlite3_file* file, const void* data, int n, sqlite3_int64 offset) {
    auto* f = reinterpret_cast<File*>(file);
    if (f->record && g_active) {
        PowerCutVfs& self = *g_active;
        ++self.writes_;
        if (self.crashAt_ > 0 && self.writes_ == self.crashAt_ && !self.crashed_) {
            self.cutPower(self.crashFolder_, self.crashLoss_);  // this write never reached the disk
            self.crashed_ = true;
        }
        f->record->pending.push_back({false, offset, std::string(static_cast<const char*>(data), static_cast<size_t>(n))});
    }
    return f->real->pMethods->xWrite(f->real, data, n, offset);
}

int PowerCutVfs::xTruncate(sqlite3_file* file, sqlite3_int64 size) {
    auto* f = reinterpret_cast<File*>(file);
    if (f->record) f->record->pending.push_back({true, size, {}});
    return f->real->pMethods->xTruncate(f->real, size);
}

int PowerCutVfs::xSync(sqlite3_file* file, int flags) {
    auto* f = reinterpret_cast<File*>(file);
    const int rc = f->real->pMethods->xSync(f->real, flags);
    if (rc == SQLITE_OK && f->record) {
        for (const auto& p : f->record->pending) apply(f->record->synced, p, p.bytes.size());
        f->record->pending.clear();
    }
    if (g_active) ++g_active->syncs_;
    return rc;
}

void PowerCutVfs::apply(std::string& image, const Pending& p, size_t keepBytes) {
    if (p.truncate) {
        image.resize(static_cast<size_t>(p.offset));
        return;
    }
    const size_t at = static_cast<size_t>(p.offset);
    if (image.size() < at + keepBytes) image.resize(at + keepBytes);
    std::memcpy(image.data() + at, p.bytes.data(), keepBytes);
}

void PowerCutVfs::cutPower(const std::filesystem::path& folder, Loss loss) {
    std::filesystem::create_directories(folder);
    for (const auto& [path, record] : files_) {
        if (record.gone) continue;
        std::string image = record.synced;
        if (loss == Loss::random) {
            for (const auto& p : record.pending) {
                const auto pick = rng_() % 3;  // 0 lost, 1 kept, 2 torn
                if (pick == 0) continue;
                const size_t sectors = (p.bytes.size() + 511) / 512;
                const size_t keep = pick == 1 || p.truncate || sectors <= 1
                                        ? p.bytes.size()
                                        : std::min(p.bytes.size(), 512 * (1 + rng_() % (sectors - 1)));
                apply(image, p, keep);
            }
        }
        std::ofstream out(folder / std::filesystem::path(path).filename(), std::ios::binary | std::ios::trunc);
        out.write(image.data(), static_cast<std::streamsize>(image.size()));
    }
}

void PowerCutVfs::armCrashAtWrite(long n, std::filesystem::path folder, Loss loss) {
    crashAt_ = writes_ + n;
    crashFolder_ = std::move(folder);
    crashLoss_ = loss;
    crashed_ = false;
}

}  // namespace kiosk::test
