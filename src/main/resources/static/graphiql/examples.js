// The example queries GraphiQL opens with: each answers a question analysts and leaders actually ask.
window.EXAMPLE_QUERIES = [
  {
    query: `# 哪些矿山需要联合执法?哪些部门须处理哪些问题?建议谁牵头?是否涉刑?
# Which mines need joint enforcement, which departments must act on what, who should lead, is it criminal?
query JointEnforcementCandidates {
  jointEnforcementCandidates(minDepartments: 2, first: 10) {
    totalCount
    edges {
      node {
        mine { id name township { name } }
        departmentCount
        departments { unit { name } issues { title status overdue } }
        suggestedLead { name }
        leadReason
        criminalMatter
        mustJoin { name }
        openAction { id status plannedOn }
      }
    }
  }
}
`
  },
  {
    query: `# 这个问题由谁负责?依据是什么?一直追到召集人。
# Who answers for this problem, on what grounds, up to the convener?
query AccountabilityChain {
  accountabilityChain(issueId: "demo-issue-002") {
    level
    kind
    id
    name
    role
    grounds
  }
}
`
  },
  {
    query: `# 哪些矿山的未结问题需要多个主管部门处理?
# Which mines have open problems that several competent departments must act on?
query OpenProblemsAndWhoMustAct {
  mines(first: 20) {
    totalCount
    edges {
      node {
        id
        name
        township { name }
        issues {
          title
          status
          open
          overdue
          violationTypes {
            code
            name
            competence { role clause unit { name } }
          }
        }
      }
    }
  }
}
`
  },
  {
    query: `# 任务二由哪些单位共同承担?谁牵头?其每个问题由谁依法查处?
# Who shares task 2, who leads it, and who is competent to act on each of its problems?
query WhoSharesTaskTwo {
  task(number: 2) {
    title
    unitsClause
    responsibilities { order role nameInDocument unit { id name aliases } }
    violationTypes {
      code
      name
      competence { role basis clause quote unit { name } }
    }
  }
}
`
  },
  {
    query: `# 民用爆炸物品问题由谁查处?依据是什么?问责链一直到召集人。
# Who acts on civil explosives, on what grounds, up to the convener?
query ExplosivesChain {
  violationType(code: "T3.01") {
    name
    tasks { number title leadUnit { name } }
    competence { role clause quote unit { name people { name title } } }
  }
  workingGroup {
    name
    office { name hostUnit { name } director { title quote holders { name } } }
    convener { title quote unit { name } holders { name } }
  }
}
`
  },
  {
    query: `# 区公安局(昌江公安分局)承担哪些任务,附件2 规定了哪些职责?
# What does 区公安局 share and what must it act on, per annex 2?
query PoliceDuties {
  unit(name: "区公安局") {
    id
    name
    aliases
    taskResponsibilities { role nameInDocument task { number title } }
    duties { clause text violationTypes { code name } }
  }
}
`
  }
];
