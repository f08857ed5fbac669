package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DagValidatorTest {

    private static final String HEADER = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata: {name: demo}
            """;

    /** A valid DAG that each test changes in one place. */
    private static final String VALID = HEADER + """
            spec:
              subscribers: [{name: trades, uri: "mem://queue/trades"}]
              publishers:
                - {name: out, uri: "file://out/enriched.jsonl"}
                - {name: failed, uri: "file://out/failed.jsonl"}
              calculators:
                - {name: defaults, type: ApplyDefaults, config: {defaults: {desk: G10}}}
                - {name: total, type: Addition, config: {arguments: [bid, ask]}}
              transformers: [{name: slim, type: AttributeFilter}]
              nodes:
                - {name: ingest, type: Subscription, subscriber: trades, calculator: defaults}
                - {name: sum, type: Calculation, calculator: total}
                - {name: emit, type: Publication, publishers: [out], inputTransformers: [slim]}
              edges:
                - {from: ingest, to: sum}
                - {from: ingest, to: emit}
                - {from: sum, to: emit, as: total}
              deadLetter: failed
            """;

    private final DagValidator validator = new DagValidator(new SmallCatalog());

    @Test
    void validDagHasNoProblems() {
        ValidationReport report = validate(VALID);

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.dagName()).isEqualTo("demo");
    }

    @Test
    void missingDagNameIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("metadata: {name: demo}", "metadata: {}"));

        assertThat(at(problems, "metadata.name").message()).contains("needs a name");
    }

    @Test
    void dagNameMustBeKubernetesName() {
        ValidationProblem problem = at(problems(VALID.replace("name: demo}", "name: Trade_Enrichment}")), "metadata.name");

        assertThat(problem.value()).isEqualTo("Trade_Enrichment");
        assertThat(problem.message()).contains("such as trade-enrichment");
    }

    @Test
    void dagNameLongerThan54IsReported() {
        String name = "a".repeat(55);

        assertThat(at(problems(VALID.replace("name: demo}", "name: " + name + "}")), "metadata.name").message())
                .contains("at most 54 characters").contains("<name>-YYYYMMDD");
        assertThat(problems(VALID.replace("name: demo}", "name: " + "a".repeat(54) + "}"))).isEmpty();
    }

    @Test
    void invalidNamespaceIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("{name: demo}", "{name: demo, namespace: Trading}"));

        assertThat(at(problems, "metadata.namespace").value()).isEqualTo("Trading");
    }

    @Test
    void missingSpecIsReported() {
        assertThat(at(problems(HEADER), "spec").message()).contains("no spec");
    }

    @Test
    void componentWithoutNameIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("{name: slim, type: AttributeFilter}", "{type: AttributeFilter}"));

        assertThat(at(problems, "spec.transformers[0].name").message()).contains("needs a name");
    }

    @Test
    void duplicateNamesAreReportedPerKind() {
        List<ValidationProblem> problems = problems(VALID
                .replace("- {name: failed, uri:", "- {name: out, uri:")
                .replace("{name: total, type: Addition", "{name: defaults, type: Addition")
                .replace("{name: emit, type: Publication", "{name: sum, type: Publication"));

        assertThat(at(problems, "spec.publishers[1].name").message()).contains("Duplicate publisher name")
                .contains("spec.publishers[0]");
        assertThat(at(problems, "spec.calculators[1].name").message()).contains("Duplicate calculator name");
        assertThat(at(problems, "spec.nodes[2].name").message()).contains("Duplicate node name");
    }

    @Test
    void sameNameInDifferentKindsIsAllowed() {
        assertThat(problems(VALID.replace("{name: total, type: Addition", "{name: sum, type: Addition")
                .replace("calculator: total}", "calculator: sum}"))).isEmpty();
    }

    @Test
    void invalidComponentNameIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("{name: trades, uri:", "{name: \"trades in\", uri:")
                .replace("subscriber: trades,", "subscriber: \"trades in\","));

        assertThat(at(problems, "spec.subscribers[0].name").value()).isEqualTo("trades in");
    }

    @Test
    void unknownNodeReferencesSuggestCloseNames() {
        List<ValidationProblem> problems = problems(VALID
                .replace("subscriber: trades,", "subscriber: trade,")
                .replace("calculator: total}", "calculator: totl}")
                .replace("publishers: [out]", "publishers: [outt]")
                .replace("inputTransformers: [slim]", "inputTransformers: [slimm]"));

        assertThat(at(problems, "spec.nodes[0].subscriber").message()).contains("No subscriber is named 'trade'")
                .contains("Did you mean 'trades'?");
        assertThat(at(problems, "spec.nodes[1].calculator").message()).contains("Did you mean 'total'?");
        assertThat(at(problems, "spec.nodes[2].publishers[0]").message()).contains("Did you mean 'out'?");
        assertThat(at(problems, "spec.nodes[2].inputTransformers[0]").message()).contains("Did you mean 'slim'?");
    }

    @Test
    void distantNameGetsNoSuggestion() {
        ValidationProblem problem = at(problems(VALID.replace("calculator: total}", "calculator: pricing}")),
                "spec.nodes[1].calculator");

        assertThat(problem.message()).doesNotContain("Did you mean").contains("(defaults, total)");
    }

    @Test
    void unknownOutputTransformerIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("calculator: total}", "calculator: total, outputTransformers: [slim, wide]}"));

        assertThat(at(problems, "spec.nodes[1].outputTransformers[1]").value()).isEqualTo("wide");
    }

    @Test
    void subscriberUsedByTwoNodesIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("""
                    - {name: sum, type: Calculation, calculator: total}
                """, """
                    - {name: sum, type: Calculation, calculator: total}
                    - {name: again, type: Subscription, subscriber: trades}
                """));

        assertThat(at(problems, "spec.nodes[2].subscriber").message()).contains("already used by spec.nodes[0]");
    }

    @Test
    void publisherListedTwiceIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("publishers: [out]", "publishers: [out, out]")),
                "spec.nodes[2].publishers[1]");

        assertThat(problem.message()).contains("listed twice");
    }

    @Test
    void unknownNodeTypeSuggestsNewName() {
        List<ValidationProblem> problems = problems(VALID.replace("type: Subscription,", "type: SubscriptionNode,")
                .replace("type: Publication,", "type: Publicaton,"));

        assertThat(at(problems, "spec.nodes[0].type").message()).contains("Did you mean 'Subscription'?")
                .contains("Node types: Subscription, Calculation, Transform, Publication, Metronome, Sink");
        assertThat(at(problems, "spec.nodes[2].type").message()).contains("Did you mean 'Publication'?");
    }

    @Test
    void missingNodeTypeIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("{name: sum, type: Calculation, calculator: total}",
                "{name: sum, calculator: total}"));

        assertThat(at(problems, "spec.nodes[1].type").message()).contains("needs a type");
    }

    @Test
    void requiredNodeFieldsAreReported() {
        List<ValidationProblem> problems = problems(VALID
                .replace("{name: ingest, type: Subscription, subscriber: trades, calculator: defaults}",
                        "{name: ingest, type: Subscription, calculator: defaults}")
                .replace("{name: emit, type: Publication, publishers: [out], inputTransformers: [slim]}",
                        "{name: emit, type: Publication}")
                .replace("""
                    - {name: sum, type: Calculation, calculator: total}
                """, """
                    - {name: sum, type: Calculation, calculator: total}
                    - {name: tick, type: Metronome}
                    - {name: shape, type: Transform}
                """)
                .replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum}\n    - {from: tick, to: shape}"));

        assertThat(at(problems, "spec.nodes[0].subscriber").message()).contains("needs a subscriber").contains("(trades)");
        assertThat(at(problems, "spec.nodes[2].interval").message()).contains("needs an interval");
        assertThat(at(problems, "spec.nodes[3].transformer").message()).contains("needs a transformer").contains("(slim)");
        assertThat(at(problems, "spec.nodes[4].publishers").message()).contains("at least one publisher");
    }

    @Test
    void fieldsTheNodeTypeDoesNotTakeAreReported() {
        List<ValidationProblem> problems = problems(VALID
                .replace("{name: sum, type: Calculation, calculator: total}",
                        "{name: sum, type: Calculation, calculator: total, subscriber: trades, publishers: [out], interval: 1s}")
                .replace("""
                    - {name: emit, type: Publication, publishers: [out], inputTransformers: [slim]}
                """, """
                    - {name: emit, type: Publication, publishers: [out], inputTransformers: [slim]}
                    - {name: shape, type: Transform, transformer: slim, calculator: total}
                    - {name: end, type: Sink, changeDetection: true}
                    - {name: tick, type: Metronome, interval: 1s, inputTransformers: [slim], changeDetection: false}
                """)
                .replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum}\n    - {from: ingest, to: shape}\n    - {from: shape, to: end}"));

        assertThat(at(problems, "spec.nodes[1].subscriber").message())
                .contains("A Calculation node does not take subscriber (only Subscription nodes do)")
                .contains("a Calculation node takes calculator, inputTransformers, outputTransformers, changeDetection");
        assertThat(at(problems, "spec.nodes[1].publishers").message()).contains("(Publication and Metronome nodes do)");
        assertThat(at(problems, "spec.nodes[1].interval").message()).contains("only Metronome nodes do");
        assertThat(at(problems, "spec.nodes[3].calculator").message()).contains("A Transform node does not take calculator");
        assertThat(at(problems, "spec.nodes[4].changeDetection").message()).contains("no fields besides name and type");
        assertThat(at(problems, "spec.nodes[5].inputTransformers").value()).isEqualTo("slim");
        assertThat(at(problems, "spec.nodes[5].changeDetection").message()).contains("A Metronome node does not take");
    }

    @Test
    void calculationWithoutCalculatorIsValid() {
        assertThat(problems(VALID.replace("{name: sum, type: Calculation, calculator: total}", "{name: sum, type: Calculation}")
                .replace("    - {name: total, type: Addition, config: {arguments: [bid, ask]}}\n", ""))).isEmpty();
    }

    @Test
    void unusedComponentsAreReported() {
        List<ValidationProblem> problems = problems(VALID
                .replace("{name: trades, uri: \"mem://queue/trades\"}", "{name: trades, uri: \"mem://queue/trades\"}, {name: spare, uri: \"mem://queue/spare\"}")
                .replace("transformers: [{name: slim, type: AttributeFilter}]", "transformers: [{name: slim, type: AttributeFilter}, {name: wide, type: Passthru}]")
                .replace("deadLetter: failed", ""));

        assertThat(at(problems, "spec.subscribers[1].name").message()).contains("not used by any Subscription node")
                .contains("events would go nowhere");
        assertThat(at(problems, "spec.transformers[1].name").value()).isEqualTo("wide");
        assertThat(at(problems, "spec.publishers[1].name").message()).contains("not used by any node or deadLetter");
        assertThat(problems).hasSize(3);
    }

    @Test
    void misspeltReferenceIsNotAlsoReportedUnused() {
        List<ValidationProblem> problems = problems(VALID.replace("subscriber: trades,", "subscriber: trade,"));

        assertThat(problems).extracting(ValidationProblem::path).containsExactly("spec.nodes[0].subscriber");
    }

    @Test
    void unknownCalculatorTypeListsBuiltInsAndClassNames() {
        ValidationProblem problem = at(problems(VALID.replace("type: ApplyDefaults,", "type: ApplyDefault,")),
                "spec.calculators[0].type");

        assertThat(problem.value()).isEqualTo("ApplyDefault");
        assertThat(problem.message()).contains("Unknown calculator type 'ApplyDefault'")
                .contains("Did you mean 'ApplyDefaults'?")
                .contains("Built-in calculator types: Addition, ApplyDefaults, Passthru")
                .contains("fully qualified Java class name");
    }

    @Test
    void olderTypeNamesSuggestBuiltIns() {
        List<ValidationProblem> problems = problems(VALID.replace("type: ApplyDefaults,", "type: ApplyDefaultsCalculator,")
                .replace("type: AttributeFilter}", "type: AttributeFilterDataTransformer}"));

        assertThat(at(problems, "spec.calculators[0].type").message()).contains("Did you mean 'ApplyDefaults'?");
        assertThat(at(problems, "spec.transformers[0].type").message()).contains("Did you mean 'AttributeFilter'?");
    }

    @Test
    void transformerTypeUsedAsCalculatorIsExplained() {
        ValidationProblem problem = at(problems(VALID.replace("type: ApplyDefaults,", "type: AttributeFilter,")),
                "spec.calculators[0].type");

        assertThat(problem.message()).contains("AttributeFilter is a transformer type; declare it under spec.transformers");
    }

    @Test
    void classNameTypeIsAccepted() {
        assertThat(problems(VALID.replace("type: ApplyDefaults,", "type: com.example.pricing.FxCalculator,")
                .replace("type: AttributeFilter}", "type: com.example.Slim$Inner}"))).isEmpty();
    }

    @Test
    void missingComponentTypeIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("{name: slim, type: AttributeFilter}", "{name: slim}")),
                "spec.transformers[0].type");

        assertThat(problem.message()).contains("needs a type: one of AttributeFilter, Passthru");
    }

    @Test
    void catalogConfigChecksRun() {
        List<ValidationProblem> problems = problems(VALID.replace("config: {arguments: [bid, ask]}", "config: {}")
                .replace("mem://queue/trades", "mem://trades"));

        assertThat(at(problems, "spec.calculators[1].config.arguments").message()).contains("list of arguments");
        assertThat(at(problems, "spec.subscribers[0].uri").message()).contains("mem://queue/NAME");
    }

    @Test
    void catalogChecksSkipUnknownTypesAndClassNames() {
        List<ValidationProblem> problems = problems(VALID.replace("{name: total, type: Addition, config: {arguments: [bid, ask]}}",
                "{name: total, type: com.example.Addition}"));

        assertThat(problems).isEmpty();
    }

    @Test
    void missingUriIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("{name: trades, uri: \"mem://queue/trades\"}", "{name: trades}"));

        assertThat(at(problems, "spec.subscribers[0].uri").message()).contains("needs a uri; known schemes: file, kafka, mem, metronome");
    }

    @Test
    void unknownSchemeListsKnownSchemes() {
        ValidationProblem problem = at(problems(VALID.replace("file://out/enriched.jsonl", "fil://out/enriched.jsonl")),
                "spec.publishers[0].uri");

        assertThat(problem.value()).isEqualTo("fil://out/enriched.jsonl");
        assertThat(problem.message()).contains("Unknown scheme 'fil'").contains("Did you mean 'file'?")
                .contains("Known schemes: file, kafka, mem, metronome");
    }

    @Test
    void unsupportedSchemeGivesReason() {
        ValidationProblem problem = at(problems(VALID.replace("mem://queue/trades", "lmdb://trades")), "spec.subscribers[0].uri");

        assertThat(problem.message()).contains("The scheme 'lmdb' is not supported: cross-process LMDB channels");
    }

    @Test
    void malformedUriIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("file://out/enriched.jsonl", "file://out/my trades.jsonl")
                .replace("file://out/failed.jsonl", "out/failed.jsonl"));

        assertThat(at(problems, "spec.publishers[0].uri").message()).contains("malformed").contains("%20");
        assertThat(at(problems, "spec.publishers[1].uri").message()).contains("has no scheme");
    }

    @Test
    void bareMetronomeSchemeIsAccepted() {
        assertThat(problems(VALID.replace("mem://queue/trades", "metronome"))).isEmpty();
    }

    @Test
    void maxDepthBelowOneIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("uri: \"mem://queue/trades\"}", "uri: \"mem://queue/trades\", maxDepth: 0}")),
                "spec.subscribers[0].maxDepth");

        assertThat(problem.value()).isEqualTo("0");
        assertThat(problem.message()).contains("at least 1");
    }

    @Test
    void badIntervalsAreReported() {
        String withMetronomes = VALID.replace("""
                    - {name: sum, type: Calculation, calculator: total}
                """, """
                    - {name: sum, type: Calculation, calculator: total}
                    - {name: tick, type: Metronome, interval: 5 seconds}
                    - {name: tock, type: Metronome, interval: 0s}
                    - {name: tack, type: Metronome, interval: 250ms}
                """);
        List<ValidationProblem> problems = problems(withMetronomes);

        assertThat(at(problems, "spec.nodes[2].interval").message()).contains("Invalid interval");
        assertThat(at(problems, "spec.nodes[3].interval").message()).contains("at least 1ms");
        assertThat(problems).noneMatch(problem -> problem.path().equals("spec.nodes[4].interval"));
    }

    @Test
    void deadLetterMustNamePublisher() {
        ValidationProblem problem = at(problems(VALID.replace("deadLetter: failed", "deadLetter: faild")), "spec.deadLetter");

        assertThat(problem.message()).contains("No publisher is named 'faild'").contains("Did you mean 'failed'?");
    }

    @Test
    void edgesNamingUnknownNodesSuggestCloseNames() {
        List<ValidationProblem> problems = problems(VALID.replace("- {from: ingest, to: sum}", "- {from: ingst, to: summ}"));

        assertThat(at(problems, "spec.edges[0].from").message()).contains("No node is named 'ingst'")
                .contains("Did you mean 'ingest'?");
        assertThat(at(problems, "spec.edges[0].to").message()).contains("Did you mean 'sum'?");
    }

    @Test
    void edgeWithoutEndsIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("- {from: ingest, to: sum}", "- {to: sum}\n    - {from: ingest}"));

        assertThat(at(problems, "spec.edges[0].from").message()).contains("needs 'from'");
        assertThat(at(problems, "spec.edges[1].to").message()).contains("needs 'to'");
    }

    @Test
    void unknownEdgeTransformerIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum, transformer: slm}")),
                "spec.edges[0].transformer");

        assertThat(problem.message()).contains("Did you mean 'slim'?");
    }

    @Test
    void selfLoopIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum}\n    - {from: sum, to: sum}")),
                "spec.edges[1]");

        assertThat(problem.value()).isEqualTo("sum → sum");
        assertThat(problem.message()).contains("from a node to itself");
    }

    @Test
    void duplicateEdgeIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum}\n    - {from: ingest, to: sum}")),
                "spec.edges[1]");

        assertThat(problem.message()).contains("Duplicate edge, also spec.edges[0]");
    }

    @Test
    void asCollisionOnOneChildIsReported() {
        List<ValidationProblem> problems = problems(VALID.replace("- {from: ingest, to: emit}", "- {from: ingest, to: emit, as: total}"));

        assertThat(at(problems, "spec.edges[2].as").message()).contains("same key (also spec.edges[1])");
    }

    @Test
    void sameAsOnDifferentChildrenIsAllowed() {
        assertThat(problems(VALID.replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum, as: total}"))).isEmpty();
    }

    @Test
    void emptyAsIsReported() {
        assertThat(at(problems(VALID.replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum, as: \"\"}")),
                "spec.edges[0].as").message()).contains("cannot be empty");
    }

    @Test
    void edgesIntoSourcesAndOutOfSinksAreReported() {
        List<ValidationProblem> problems = problems(VALID
                .replace("""
                    - {name: sum, type: Calculation, calculator: total}
                """, """
                    - {name: sum, type: Calculation, calculator: total}
                    - {name: end, type: Sink}
                """)
                .replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum}\n    - {from: sum, to: end}\n    - {from: end, to: ingest}"));

        assertThat(at(problems, "spec.edges[2].from").message()).contains("'end' is a Sink node").contains("no outgoing edges");
        assertThat(at(problems, "spec.edges[2].to").message()).contains("'ingest' is a Subscription node").contains("no incoming edges");
    }

    @Test
    void metronomeMayHaveParentsButNeedsNone() {
        String withMetronome = VALID.replace("""
                    - {name: sum, type: Calculation, calculator: total}
                """, """
                    - {name: sum, type: Calculation, calculator: total}
                    - {name: status, type: Metronome, interval: 1s, publishers: [out]}
                    - {name: tick, type: Metronome, interval: 1s, publishers: [out]}
                """).replace("- {from: ingest, to: sum}", "- {from: ingest, to: sum}\n    - {from: sum, to: status}");

        assertThat(problems(withMetronome)).isEmpty();
    }

    @Test
    void nodeWithoutIncomingEdgeIsReported() {
        ValidationProblem problem = at(problems(VALID.replace("    - {from: ingest, to: sum}\n", "")), "spec.nodes[1]");

        assertThat(problem.value()).isEqualTo("sum");
        assertThat(problem.message()).contains("Calculation node has no incoming edge");
    }

    @Test
    void cycleIsReportedAsPath() {
        String cyclic = VALID.replace("""
                    - {name: emit, type: Publication, publishers: [out], inputTransformers: [slim]}
                """, """
                    - {name: emit, type: Publication, publishers: [out], inputTransformers: [slim]}
                    - {name: a, type: Calculation}
                    - {name: b, type: Calculation}
                    - {name: c, type: Calculation}
                """).replace("- {from: ingest, to: sum}", """
                - {from: ingest, to: sum}
                    - {from: ingest, to: a}
                    - {from: a, to: b}
                    - {from: b, to: c}
                    - {from: c, to: a}""");
        ValidationProblem problem = at(problems(cyclic), "spec.edges");

        assertThat(problem.value()).isEqualTo("a → b → c → a");
        assertThat(problem.message()).contains("cycle");
    }

    @Test
    void emptyNodeListIsReported() {
        assertThat(at(problems(HEADER + "spec:\n  subscribers: [{name: trades, uri: \"mem://queue/trades\"}]\n"),
                "spec.nodes").message()).contains("at least one node");
    }

    @Test
    void timeWindowAndRefTogetherAreReported() {
        List<ValidationProblem> problems = problems(VALID + """
                  timeWindowRef: london-hours
                  timeWindow: {timeZone: Europe/London, start: "08:00", end: "16:30"}
                """);

        assertThat(at(problems, "spec.timeWindow").message()).contains("keep one");
    }

    @Test
    void invalidTimeWindowRefIsReported() {
        assertThat(at(problems(VALID + "  timeWindowRef: London_Hours\n"), "spec.timeWindowRef").value())
                .isEqualTo("London_Hours");
    }

    @Test
    void parallelismNeedsShareableSubscribers() {
        List<ValidationProblem> problems = problems(VALID + "  runtime: {parallelism: 3}\n");

        ValidationProblem problem = at(problems, "spec.runtime.parallelism");
        assertThat(problem.value()).isEqualTo("3");
        assertThat(problem.message()).contains("Subscriber 'trades' (mem://queue/trades) cannot be shared");
        assertThat(problems(VALID.replace("mem://queue/trades", "kafka://trades") + "  runtime: {parallelism: 3}\n"))
                .isEmpty();
    }

    @Test
    void replicasAndParallelismBelowOneAreReported() {
        List<ValidationProblem> problems = problems(VALID + "  runtime: {replicas: 0, parallelism: 0}\n");

        assertThat(at(problems, "spec.runtime.replicas").value()).isEqualTo("0");
        assertThat(at(problems, "spec.runtime.parallelism").value()).isEqualTo("0");
    }

    @Test
    void leaderElectionTimingsAreChecked() {
        List<ValidationProblem> problems = problems(VALID
                + "  runtime: {leaderElection: {leaseDuration: 5s, renewDeadline: 10s, retryPeriod: soon}}\n");

        assertThat(at(problems, "spec.runtime.leaderElection.renewDeadline").message()).contains("shorter than leaseDuration (5s)");
        assertThat(at(problems, "spec.runtime.leaderElection.retryPeriod").message()).contains("Invalid duration");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ValidationProblem> problems = problems(VALID
                .replace("name: demo}", "name: Demo}")
                .replace("type: ApplyDefaults,", "type: Defaults,")
                .replace("calculator: total}", "calculator: totl}")
                .replace("deadLetter: failed", "deadLetter: nowhere"));

        assertThat(problems).extracting(ValidationProblem::path).contains("metadata.name", "spec.calculators[0].type",
                "spec.nodes[1].calculator", "spec.deadLetter");
    }

    @Test
    void parseProblemsComeFirst() {
        List<ManifestDocument> documents = new ManifestLoader().parse(VALID.replace("{name: sum, type: Calculation,",
                "{name: sum, type: Calculation, calculater: x,"), Path.of("demo.yaml"));

        ValidationReport report = validator.validate(documents.get(0));

        assertThat(report.problems()).extracting(ValidationProblem::path).startsWith("spec.nodes[1].calculater");
    }

    @Test
    void unreadableDocumentYieldsParseProblems() {
        List<ManifestDocument> documents = new ManifestLoader().parse("kind: ConfigMap\n", Path.of("x.yaml"));

        ValidationReport report = validator.validate(documents.get(0));

        assertThat(report.valid()).isFalse();
        assertThat(report.dagName()).isNull();
    }

    @Test
    void problemToStringShowsPathValueAndMessage() {
        ValidationProblem problem = at(problems(VALID.replace("deadLetter: failed", "deadLetter: faild")), "spec.deadLetter");

        assertThat(problem.toString()).startsWith("spec.deadLetter (faild): No publisher is named 'faild'.");
    }

    private ValidationReport validate(String yaml) {
        List<ManifestDocument> documents = new ManifestLoader().parse(yaml, Path.of("test.yaml"));
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).problems()).as("parse problems").isEmpty();
        return validator.validate((Dag) documents.get(0).resource());
    }

    private List<ValidationProblem> problems(String yaml) {
        return validate(yaml).problems();
    }

    /** Returns the first problem at exactly this path, failing with the full list when there is none. */
    private static ValidationProblem at(List<ValidationProblem> problems, String path) {
        return problems.stream().filter(problem -> problem.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + "; problems: " + problems));
    }
}
