package org.mscmeta.files;

/**
 * A megabyte set aside at the start of a command-line run ({@link #hold}) and let go when the run runs out of memory
 * ({@link #release}), so that what follows has room: removing the staging folder ({@link OutputFolder#close}) and
 * saying why the run failed. In a heap too small for the run, both failed for want of memory themselves: the run
 * exited in silence and left its staging folder behind.
 */
public final class MemoryReserve {

    private static final int SIZE = 1 << 20;
    private static volatile byte[] reserve;

    private MemoryReserve() {
    }

    /** Sets the reserve aside (the command line does, once; the library API does not). */
    public static void hold() {
        reserve = new byte[SIZE];
    }

    /** Lets the reserve go (nothing when none is held). */
    public static void release() {
        reserve = null;
    }
}
