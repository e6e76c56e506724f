// The benchmark's peer: the Neo4j GraphQL Library (@neo4j/graphql 7) over the same database as the app, served by
// Apollo Server over HTTP. Type definitions for the app's labels and relationships; where the library has no way of
// its own (a chain of accountability, ranked candidates, grouped counts, scorecards), @cypher fields running the
// benchmark's hand-written Cypher (statements.json, written from Workloads by PeerStatementsTest). See
// docs/benchmark.md#the-peer-the-neo4j-graphql-library.
//
//   npm install && node server.mjs --bolt bolt://127.0.0.1:7687 --bolt-password-file ../../data/bolt-password --port 4000
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
    a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const bolt = args.bolt ?? process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const passwordFile = args["bolt-password-file"] ?? process.env.NEO4J_PASSWORD_FILE ?? "../../data/bolt-password";
const password = args["bolt-password"] ?? process.env.NEO4J_PASSWORD ?? readFileSync(passwordFile, "utf8").trim();
const port = Number(args.port ?? process.env.PORT ?? 4000);

// The workloads' Cypher, one statement each returning one column `answer`; GraphQL arguments become its parameters.
// A @cypher field of a list type reads one element per row, so a list answer is unwound.
const statements = JSON.parse(readFileSync(new URL("./statements.json", import.meta.url), "utf8"));
const escape = (cypher) => cypher.replaceAll("\\", "\\\\").replaceAll('"""', '\\"""');
const asRows = (cypher) => `CALL () {\n${cypher}\n}\nUNWIND answer AS row\nRETURN row`;
const asOne = (cypher) => `CALL () {\n${cypher}\n}\nRETURN answer AS row`;
// Dates travel as strings: the statements compare $today with stored dates.
const withDate = (cypher) => cypher.replaceAll("$today", "date($day)");

const typeDefs = /* GraphQL */ `
  type Mine @node {
    id: ID!
    name: String
    district: String
    licenceNumber: String
    departmentSpan: Int
    issues: [Issue!]! @relationship(type: "AT", direction: IN)
    townships: [Township!]! @relationship(type: "LOCATED_IN", direction: OUT)
  }
  type Issue @node {
    id: ID!
    title: String
    status: String
    severity: String
    foundOn: Date
    deadline: Date
    district: String
    mine: [Mine!]! @relationship(type: "AT", direction: OUT)
    ofType: [ViolationType!]! @relationship(type: "OF_TYPE", direction: OUT, properties: "OfType")
    assignedTo: [Unit!]! @relationship(type: "ASSIGNED_TO", direction: OUT, properties: "AssignedTo")
    responsiblePerson: [Person!]! @relationship(type: "RESPONSIBLE_PERSON", direction: OUT)
    foundBy: [ProblemSource!]! @relationship(type: "FOUND_BY", direction: OUT)
  }
  type Unit @node {
    id: ID!
    name: String
    kind: String
    function: String
    order: Int
    issues: [Issue!]! @relationship(type: "ASSIGNED_TO", direction: IN, properties: "AssignedTo")
    people: [Person!]! @relationship(type: "SERVES_IN", direction: IN)
  }
  type Person @node {
    id: ID!
    name: String
    rank: String
    units: [Unit!]! @relationship(type: "SERVES_IN", direction: OUT)
  }
  type Township @node {
    name: String!
    government: String
    mines: [Mine!]! @relationship(type: "LOCATED_IN", direction: IN)
  }
  type ViolationType @node {
    code: ID!
    name: String
  }
  type ProblemSource @node {
    code: ID!
    name: String
  }
  type AssignedTo @relationshipProperties {
    role: String
  }
  type OfType @relationshipProperties {
    order: Int
  }

  type ChainLink {
    level: Int
    kind: String
    id: String
    name: String
    role: String
    grounds: String
  }
  type UnitRef {
    id: String
  }
  type IssueRef {
    id: String
  }
  type MineRef {
    id: String
    name: String
  }
  type DepartmentShare {
    unit: UnitRef
    issues: [IssueRef]
  }
  type Candidate {
    mine: MineRef
    departmentCount: Int
    departments: [DepartmentShare]
    openIssueCount: Int
    overdueIssueCount: Int
    seriousIssueCount: Int
    suggestedLead: UnitRef
    criminalMatter: Boolean
  }
  type CandidateEdge {
    node: Candidate
  }
  type CandidatePage {
    totalCount: Int
    edges: [CandidateEdge]
  }
  type Scorecard {
    unit: UnitRef
    assigned: Int
    open: Int
    overdue: Int
    closedOnTime: Int
    closedLate: Int
  }
  type CountGroup {
    keys: [String]
    count: Int
    open: Int
    overdue: Int
  }

  type Query {
    "W1: the library has no variable-length traversal for a chain: the benchmark's Cypher."
    accountabilityChain(id: ID!): [ChainLink!]!
      @cypher(statement: """${escape(asRows(statements.W1))}""", columnName: "row")
    "W2: the benchmark's Cypher (the kept rank in index order)."
    jointEnforcementCandidates(day: String!, limit: Int!, districts: [String!]!, openStatuses: [String!]!): CandidatePage
      @cypher(statement: """${escape(asOne(withDate(statements.W2)))}""", columnName: "row")
    "W3: the benchmark's Cypher (the generated connection counts take minutes at scale)."
    unitScorecards(day: String!, units: [String!]!, districts: [String!]!, openStatuses: [String!]!, closedStatus: String!): [Scorecard!]!
      @cypher(statement: """${escape(asRows(withDate(statements.W3)))}""", columnName: "row")
    "W6: the library has no grouped counts: the benchmark's Cypher."
    issueCounts(day: String!, districts: [String!]!, openStatuses: [String!]!): [CountGroup!]!
      @cypher(statement: """${escape(asRows(withDate(statements.W6)))}""", columnName: "row")
  }
`;

const driver = neo4j.driver(bolt, neo4j.auth.basic("neo4j", password));
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, { listen: { port } });
console.log(`Peer (Neo4j GraphQL Library) on ${url} over ${bolt}`);
