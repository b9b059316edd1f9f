package {{package}};

/** Entry point of {{project_name}}. */
public final class App {
    private App() {
    }

    /** A greeting for {@code name}; a blank name greets the world. */
    public static String greet(String name) {
        return "Hello, " + (name == null || name.isBlank() ? "world" : name) + "!";
    }

    public static void main(String[] args) {
        System.out.println(greet(args.length > 0 ? args[0] : ""));
    }
}
