package dev.ailab.hub;

/** Child process of {@link ConcurrentWritersTest}: adds N work items, one transaction each. */
public final class ConcurrentAdder {
    private ConcurrentAdder() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        String tag = args[2];
        try (StoreFactory store = StoreFactory.open(StoreSettings.of(url))) {
            WorkItems work = new WorkItems(store);
            for (int i = 0; i < count; i++) {
                work.add(new NewWorkItem(tag + " item " + i, null, "p-" + tag, null, null, java.util.List.of(tag),
                        null, null, null, null, null, null));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
