/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8.0
 * (Debian 12) lacks.  Rust's standard library imports ProcessPrng from it;
 * this forwards to advapi32's RtlGenRandom (SystemFunction036), which Wine
 * has.  Installed into the private Wine prefix of a test run, never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG: fill large buffers in chunks. */
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
