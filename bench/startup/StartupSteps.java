import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts the service with Spring's startup steps recorded (bench/startup-steps.sh), then prints where the time went:
 * each step's own time (its duration less its children's), the beans made at the top level with everything they
 * pulled in, and the classes loaded and metaspace used once the context is refreshed. Exits once printed.
 */
public final class StartupSteps {

    private record Step(String name, long ownNanos, long totalNanos) {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SpringApplication application = new SpringApplication(Class.forName("dev.connectiontoken.ConnectionTokenApplication"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        application.run(args).close();
        long took = System.nanoTime() - start;

        Map<Long, Long> childrenNanos = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> nanos = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
            StartupStep step = event.getStartupStep();
            long duration = event.getDuration().toNanos();
            nanos.put(step.getId(), duration);
            if (step.getParentId() != null) {
                childrenNanos.merge(step.getParentId(), duration, Long::sum);
                parents.put(step.getId(), step.getParentId());
            }
            StringBuilder name = new StringBuilder(step.getName());
            for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName")) {
                    name.append(' ').append(tag.getValue());
                }
            }
            names.put(step.getId(), name.toString());
        }
        List<Step> steps = new ArrayList<>();
        List<Step> topBeans = new ArrayList<>();
        for (Long id : nanos.keySet()) {
            Step step = new Step(names.get(id), nanos.get(id) - childrenNanos.getOrDefault(id, 0L), nanos.get(id));
            steps.add(step);
            Long parent = parents.get(id);
            if (step.name().startsWith("spring.beans.instantiate")
                    && (parent == null || !names.get(parent).startsWith("spring.beans.instantiate"))) {
                topBeans.add(step);
            }
        }
        long metaspace = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                metaspace = pool.getUsage().getUsed();
            }
        }
        System.err.printf("SpringApplication.run and close: %d ms, %d steps; %d classes loaded, metaspace %d MB%n",
                took / 1_000_000, steps.size(),
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), metaspace >> 20);
        System.err.println("\nSteps by their own time (ms own, ms with their children):");
        steps.sort((a, b) -> Long.compare(b.ownNanos(), a.ownNanos()));
        steps.stream().limit(30).forEach((s) ->
                System.err.printf("%6d %6d  %s%n", s.ownNanos() / 1_000_000, s.totalNanos() / 1_000_000, s.name()));
        System.err.println("\nBeans made at the top level, with what they pulled in (ms):");
        topBeans.sort((a, b) -> Long.compare(b.totalNanos(), a.totalNanos()));
        topBeans.stream().limit(20).forEach((s) -> System.err.printf("%6d  %s%n", s.totalNanos() / 1_000_000, s.name()));
        System.exit(0);
    }
}
