package io.dishtayantra.runtime.calculator.natives;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A function exported by a shared library, linked through the Foreign Function and Memory API.
 *
 * <p>The library stays loaded until {@link #close()}, which closes the arena that loaded it.
 * Every failure to load or link is raised here, before any event, as a
 * {@link NativeLinkException} naming the library and the symbol.
 */
final class NativeFunction implements AutoCloseable {

    /** {@code int32_t fn(const char*, size_t, char*, size_t, size_t*)}. */
    static final FunctionDescriptor JSON_SIGNATURE = FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);

    /** {@code int32_t fn(const double* const*, size_t, double* const*, size_t, size_t)}. */
    static final FunctionDescriptor NUMERIC_SIGNATURE = FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);

    private final Arena arena;
    private final MethodHandle handle;
    private final Path library;
    private final String symbol;

    private NativeFunction(Arena arena, MethodHandle handle, Path library, String symbol) {
        this.arena = arena;
        this.handle = handle;
        this.library = library;
        this.symbol = symbol;
    }

    /**
     * Loads {@code library} and links {@code symbol} with {@code signature}.
     *
     * @throws NativeLinkException when the file is missing, cannot be loaded (wrong architecture,
     *     missing dependency, not a shared library) or does not export the symbol
     */
    static NativeFunction link(Path library, String symbol, FunctionDescriptor signature, boolean critical)
            throws NativeLinkException {
        if (!Files.isRegularFile(library)) {
            throw new NativeLinkException(library, symbol, "the library file does not exist; check the path"
                    + " (a relative path resolves against the manifest's folder)");
        }
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
            MemorySegment address = lookup.find(symbol).orElseThrow(() -> new NativeLinkException(library, symbol,
                    "the library does not export this symbol; list its symbols with 'nm -D " + library + "'"
                            + " and check that the function is extern \"C\" (C++) or #[no_mangle] (Rust)"));
            Linker linker = Linker.nativeLinker();
            MethodHandle handle = critical
                    ? linker.downcallHandle(address, signature, Linker.Option.critical(false))
                    : linker.downcallHandle(address, signature);
            return new NativeFunction(arena, handle, library, symbol);
        } catch (NativeLinkException e) {
            arena.close();
            throw e;
        } catch (IllegalArgumentException | IllegalCallerException e) {
            arena.close();
            throw new NativeLinkException(library, symbol, "the library could not be loaded: " + e.getMessage()
                    + "; check that it is a shared library built for this platform with its dependencies installed");
        }
    }

    /** The linked function; valid until {@link #close()}. */
    MethodHandle handle() {
        return handle;
    }

    /** Arena that owns the library; buffers allocated from it live as long as the library. */
    Arena arena() {
        return arena;
    }

    /** Library and symbol, for messages. */
    String describe() {
        return symbol + " in " + library;
    }

    @Override
    public void close() {
        arena.close();
    }
}
