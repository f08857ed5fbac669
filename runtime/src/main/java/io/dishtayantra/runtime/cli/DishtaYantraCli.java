package io.dishtayantra.runtime.cli;

/** Entry point of the {@code dishtayantra} command line. */
public final class DishtaYantraCli {

    private DishtaYantraCli() {
    }

    public static void main(String[] args) {
        System.out.println("dishtayantra: not built yet");
    }
}
