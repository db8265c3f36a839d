#include "png_writer.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace kiosk {
namespace {

void put32(std::vector<unsigned char>& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<unsigned char>(v >> s));
}

void chunk(std::vector<unsigned char>& out, const char* type, const unsigned char* data, size_t n) {
    put32(out, static_cast<uint32_t>(n));
    const size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    if (n) out.insert(out.end(), data, data + n);
    const uLong crc = crc32(0L, out.data() + start, static_cast<uInt>(n + 4));
    put32(out, static_cast<uint32_t>(crc));
}

// One row of the picture (`y` from the top) as PNG wants it: filter byte 1 ("Sub": each byte minus
// the one a pixel to its left), then the row's RGB bytes. `dst`: width * 3 + 1 bytes.
void filterRow(const PixelRows& p, int y, unsigned char* dst) {
    const size_t w = static_cast<size_t>(p.width), srcStride = w * static_cast<size_t>(p.channels);
    const unsigned char* src = p.data + static_cast<size_t>(p.bottomUp ? p.height - 1 - y : y) * srcStride;
    *dst++ = 1;
    unsigned char prev[3] = {0, 0, 0};
    for (size_t x = 0; x < w; ++x, src += p.channels, dst += 3) {
        for (int c = 0; c < 3; ++c) {
            dst[c] = static_cast<unsigned char>(src[c] - prev[c]);
            prev[c] = src[c];
        }
    }
}

// The filtered rows through zlib's fastest level with run-length matches only (the Sub filter
// leaves a flat kiosk screen's areas as runs of zeros), one row at a time, into `z` through a
// buffer of 64 KiB (zlib's own example's loop): no copy of the picture, none of its size.
bool deflateRows(const PixelRows& p, std::vector<unsigned char>& z) {
    z_stream s{};
    if (deflateInit2(&s, Z_BEST_SPEED, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) return false;
    std::vector<unsigned char> row(static_cast<size_t>(p.width) * 3 + 1), out(64 * 1024);
    int rc = Z_OK;
    for (int y = 0; y < p.height && rc != Z_STREAM_ERROR; ++y) {
        filterRow(p, y, row.data());
        s.next_in = row.data();
        s.avail_in = static_cast<uInt>(row.size());
        const int flush = y + 1 == p.height ? Z_FINISH : Z_NO_FLUSH;
        do {
            s.next_out = out.data();
            s.avail_out = static_cast<uInt>(out.size());
            rc = deflate(&s, flush);
            z.insert(z.end(), out.data(), out.data() + (out.size() - s.avail_out));
        } while (s.avail_out == 0 && rc != Z_STREAM_ERROR);
    }
    deflateEnd(&s);
    return rc == Z_STREAM_END;
}

}  // namespace

std::string writePng(const std::string& path, const PixelRows& pixels) {
    if (!pixels.data || pixels.width <= 0 || pixels.height <= 0 || (pixels.channels != 3 && pixels.channels != 4))
        return path + ": no picture";
    std::vector<unsigned char> z;
    if (!deflateRows(pixels, z)) return path + ": zlib";
    std::vector<unsigned char> out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<unsigned char> ihdr;
    put32(ihdr, static_cast<uint32_t>(pixels.width));
    put32(ihdr, static_cast<uint32_t>(pixels.height));
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, adaptive filtering, no interlace
    chunk(out, "IHDR", ihdr.data(), ihdr.size());
    chunk(out, "IDAT", z.data(), z.size());
    chunk(out, "IEND", nullptr, 0);
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return path + ": " + std::strerror(errno);
    const bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
    if (std::fclose(f) != 0 || !ok) return path + ": " + std::strerror(errno);
    return {};
}

}  // namespace kiosk
