package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.guanxi.core.service.IntegrationService.RouteInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route files as an attacker would write them: another component ({@code exec:}, {@code class:}), a class made a
 * bean, a bean of their own, a script, the machine's environment. Each is refused with its line before Camel loads
 * the file, and nothing of it runs; the shipped files keep to the rules.
 */
class RouteRulesTest {

    @TempDir
    Path home;

    private ErpFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ErpFixture(home);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String route(String... steps) {
        StringBuilder y = new StringBuilder("- route:\n    id: hostile\n    from:\n      uri: \"timer:hostile?repeatCount=1\"\n"
                + "      steps:\n");
        for (String s : steps) {
            y.append("        - ").append(s).append('\n');
        }
        return y.toString();
    }

    @Test
    void theShippedRouteFilesKeepToTheRules() {
        for (String file : f.runtime.editableFiles()) {
            if (file.endsWith(".yaml")) {
                assertNull(f.runtime.check(file, f.runtime.read(file)), file);
            }
        }
    }

    @Test
    void whatRunsCodeOrReadsTheMachineIsRefusedWithItsLine() {
        assertProblem(route("to: \"exec:id\""), "line 6:", "\"exec:\" is not allowed");
        assertProblem(route("to:\n            uri: \"class:java.lang.ProcessBuilder\""), "line 7:", "\"class:\" is not allowed");
        assertProblem(route("bean:\n            beanType: java.lang.Runtime\n            method: getRuntime"), "line 7:",
                "beanType");
        assertProblem("- beans:\n    - name: shell\n      type: java.lang.ProcessBuilder\n" + route("to: \"log:x\""),
                "line 1:", "may not define beans");
        assertProblem(route("setBody:\n            simple: \"${body.getClass().forName('java.lang.Runtime')}\""), "line 7:",
                "reaches Java classes");
        assertProblem(route("setBody:\n            groovy: \"'id'.execute().text\""), "line 7:", "runs code");
        assertProblem(route("to: \"file:{{env:HOME}}/.ssh\""), "line 6:", "HOME may not be read");
        assertProblem(route("setBody:\n            simple: \"${sysenv.PATH}\""), "line 7:", "PATH may not be read");
        assertProblem(route("to: \"file:{{user.home}}\""), "line 6:", "{{user.home}} is not one of the product's settings");
        assertProblem(route("to: \"file:{{bean:outbox.toString}}\""), "line 6:", "function \"bean:\"");
        assertProblem(route("bean:\n            ref: someonesBean"), "line 7:", "\"someonesBean\" is not one of the product's");
        // the same, written as YAML also allows: quoted keys, flow style, a block scalar, an anchor
        assertProblem(route("\"to\": \"exec:id\""), "line 6:", "\"exec:\" is not allowed");
        assertProblem(route("{ to: { uri: 'exec:id' } }"), "line 6:", "\"exec:\" is not allowed");
        assertProblem("- \"beans\": []\n" + route("to: \"log:x\""), "line 1:", "may not define beans");
        assertProblem(route("to:\n            uri: >-\n              exec:id"), "line 7:", "\"exec:\" is not allowed");
        assertProblem(route("setBody:\n            expression:\n              language:\n                language: groovy\n"
                + "                expression: \"'id'.execute()\""), "line 9:", "\"groovy\" runs code");
        assertProblem(route("bean:\n            type: java.lang.ProcessBuilder"), "line 7:", "\"type\" runs code");
        assertProblem("- route:\n    from: &evil\n      uri: \"timer:a\"\n      steps:\n        - to: \"class:x\"\n", "line 5:",
                "\"class:\" is not allowed");
        assertProblem("- route: [unclosed", "line ", "not YAML");
        // as Camel reads it: kebab-case keys, $simple{…}, ${properties:…}, a setting's default hiding a word
        assertProblem(route("bean:\n            bean-type: java.util.Date"), "line 7:", "\"beanType\" runs code");
        assertProblem(route("setBody:\n            simple: \"$simple{env:AWS_SECRET_ACCESS_KEY}\""), "line 7:",
                "AWS_SECRET_ACCESS_KEY may not be read");
        assertProblem(route("setBody:\n            simple: \"${properties:HOME}\""), "line 7:", "{{HOME}}");
        assertProblem(route("to: \"log:{{guanxi.n:x}}\""), "line 6:", "{{guanxi.n}}");
        // what the product's own files do stays allowed
        assertNull(f.runtime.check("fine.yaml", route("to: \"log:hostile\"", "bean:\n            ref: outbox\n"
                + "            method: due", "convertBodyTo:\n            type: java.lang.String",
                "to: \"file:{{guanxi.home}}/export?fileName={{env:GUANXI_EXPORT:x}}.txt\"")));
    }

    @Test
    void aRefusedFileIsNotLoadedAndTheGuardStopsDynamicEndpoints() throws Exception {
        String reason = f.runtime.save("hostile.yaml", route("to: \"exec:id\""));
        assertNotNull(reason);
        assertTrue(reason.contains("line 6:"), reason);
        List<RouteInfo> routes = f.runtime.routes();
        assertTrue(routes.stream().noneMatch(r -> r.id().equals("hostile")), "nothing of it runs");
        assertTrue(Files.exists(home.resolve("routes/hostile.yaml")), "the file is kept, to be corrected");

        // an address made at run time, from an expression the file check cannot read: refused before it is made
        String dynamic = """
                - route:
                    id: dynamic
                    from:
                      uri: "timer:dynamic?repeatCount=1"
                      steps:
                        - doTry:
                            steps:
                              - recipientList:
                                  constant: "class:java.util.Date"
                              - setBody:
                                  constant: "made"
                            doCatch:
                              - exception:
                                  - "java.lang.Exception"
                                steps:
                                  - setBody:
                                      simple: "${exception.message}"
                        - to: "file:{{guanxi.home}}/out?fileName=dynamic.txt"
                """;
        assertNull(f.runtime.save("dynamic.yaml", dynamic), "the file itself names no other component");
        Path out = home.resolve("out/dynamic.txt");
        for (int i = 0; i < 100 && !Files.exists(out); i++) {
            Thread.sleep(100);
        }
        String result = Files.readString(out);
        assertTrue(result.contains("class://java.util.Date") && result.contains("Cannot auto create component: class"),
                "refused before any object is made: " + result);

        var guard = org.guanxi.integration.RouteRules.endpointGuard();
        assertThrows(IllegalArgumentException.class, () -> guard.registerEndpoint("class:java.lang.Runtime", null));
        assertThrows(IllegalArgumentException.class, () -> guard.registerEndpoint("exec://id", null));
        assertNull(guard.registerEndpoint("file:/tmp/inbox", null));
    }

    private void assertProblem(String file, String line, String reason) {
        String problem = f.runtime.check("hostile.yaml", file);
        assertNotNull(problem, file);
        assertTrue(problem.contains(line) && problem.contains(reason), problem + "\n--- in ---\n" + file);
    }
}
