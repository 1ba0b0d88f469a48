package dev.vireo.storage;

/** The qcow2 crypt_method header field. */
public enum Qcow2Encryption {
    /** 0: not encrypted. */
    NONE,
    /** 1: the legacy AES-CBC scheme QEMU only reads, never writes, in new images. */
    AES,
    /** 2: LUKS, with its header in a separate area described by a header extension. */
    LUKS
}
