package com.example;

/** The user's code, which reads the generated constants. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        if (TinyNetCost.PARAMS > 1_000_000) {
            throw new IllegalStateException("TinyNet is no longer tiny");
        }
        System.out.println(TinyNetCost.summary());
    }
}
