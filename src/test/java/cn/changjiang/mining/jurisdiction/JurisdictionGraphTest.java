package cn.changjiang.mining.jurisdiction;

import java.util.List;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded jurisdiction tree, the chain of plans above the district's, and where units belong (graph-seed V013). */
class JurisdictionGraphTest extends IntegrationTest {

    @Autowired
    Driver driver;

    @Test
    void shouldClimbFromTheDistrictToTheProvince() {
        var response = anonymous.document("""
                { jurisdiction(id: "CHANGJIANG") { name level
                    parent { id name level children { id } parent { id name level parent { id } } } } }""").execute();
        response.path("jurisdiction.name").entity(String.class).isEqualTo("昌江区")
                .path("jurisdiction.level").entity(String.class).isEqualTo("DISTRICT")
                .path("jurisdiction.parent.id").entity(String.class).isEqualTo("JINGDEZHEN")
                .path("jurisdiction.parent.name").entity(String.class).isEqualTo("景德镇市")
                .path("jurisdiction.parent.level").entity(String.class).isEqualTo("CITY")
                .path("jurisdiction.parent.children[*].id").entityList(String.class).contains("CHANGJIANG")
                .path("jurisdiction.parent.parent.id").entity(String.class).isEqualTo("JIANGXI")
                .path("jurisdiction.parent.parent.level").entity(String.class).isEqualTo("PROVINCE")
                .path("jurisdiction.parent.parent.parent").valueIsNull();
        graphQl.document("{ jurisdictions(level: PROVINCE) { id name } }").execute()
                .path("jurisdictions[*].id").entityList(String.class).containsExactly("JIANGXI");
        graphQl.document("{ jurisdictions { id level } }").execute()
                .path("jurisdictions[0].id").entity(String.class).isEqualTo("JIANGXI");
    }

    @Test
    void shouldChainTheDistrictPlanToTheCityAndProvincePlans() {
        var response = anonymous.document("""
                { jurisdiction(id: "CHANGJIANG") { plans { id documentNumber title issuer issuedOn
                    implements { id documentNumber title issuedOn jurisdiction { id }
                      implements { id documentNumber title issuer issuedOn jurisdiction { id } implements { id }
                        implementedBy { id } } } } } }""").execute();
        response.path("jurisdiction.plans[*].id").entityList(String.class).containsExactly("CHANGJIANG-2023")
                .path("jurisdiction.plans[0].documentNumber").entity(String.class).isEqualTo("昌府办字〔2023〕18号")
                .path("jurisdiction.plans[0].issuedOn").entity(String.class).isEqualTo("2023-04-25")
                .path("jurisdiction.plans[0].issuer").entity(String.class).isEqualTo("景德镇市昌江区人民政府办公室")
                .path("jurisdiction.plans[0].implements.id").entity(String.class).isEqualTo("JINGDEZHEN-2023")
                .path("jurisdiction.plans[0].implements.title").entity(String.class)
                .isEqualTo("全市深入整治规范矿产资源保护开发利用专项行动实施方案")
                .path("jurisdiction.plans[0].implements.documentNumber").valueIsNull()
                .path("jurisdiction.plans[0].implements.issuedOn").valueIsNull()
                .path("jurisdiction.plans[0].implements.jurisdiction.id").entity(String.class).isEqualTo("JINGDEZHEN")
                .path("jurisdiction.plans[0].implements.implements.documentNumber").entity(String.class).isEqualTo("赣府厅字〔2023〕17号")
                .path("jurisdiction.plans[0].implements.implements.issuer").entity(String.class).isEqualTo("江西省人民政府办公厅")
                .path("jurisdiction.plans[0].implements.implements.issuedOn").entity(String.class).isEqualTo("2023-03-06")
                .path("jurisdiction.plans[0].implements.implements.jurisdiction.id").entity(String.class).isEqualTo("JIANGXI")
                .path("jurisdiction.plans[0].implements.implements.implements").valueIsNull()
                .path("jurisdiction.plans[0].implements.implements.implementedBy[*].id").entityList(String.class)
                .containsExactly("JINGDEZHEN-2023");
        var plans = graphQl.document("{ plans { id } plan(id: \"CHANGJIANG-2023\") { title } }").execute();
        assertThat(plans.path("plans[*].id").entityList(String.class).get()).as("province, city, district plans first")
                .startsWith("JIANGXI-2023", "JINGDEZHEN-2023", "CHANGJIANG-2023");
        plans.path("plan.title").entity(String.class).isEqualTo("昌江区深入整治规范矿产资源保护开发利用专项行动实施方案");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (:Plan {id: 'CHANGJIANG-2023'})-[:SETS_OUT]->(c:Campaign) RETURN collect(c.id) AS ids")
                    .single().get("ids").asList()).as("the district plan sets out the seeded campaign, not a copy of it")
                    .containsExactly("昌府办字〔2023〕18号");
        }
    }

    @Test
    void shouldPlaceUnitsInTheirJurisdictionsWithTheirCounterpartsAbove() {
        var response = anonymous.document("""
                { police: unitById(id: "POLICE") { jurisdiction { id } counterpartAbove { id name jurisdiction { id }
                    counterpartAbove { id name jurisdiction { id } counterpartAbove { id } } } }
                  ecology: unitById(id: "ECOLOGY") { counterpartAbove { name counterpartAbove { name } } }
                  nr: unitById(id: "NATURAL_RESOURCES") { jurisdiction { id } counterpartAbove { id } }
                  forestry: unitById(id: "FORESTRY") { jurisdiction { id } counterpartAbove { id } }
                  jurisdiction(id: "CHANGJIANG") { units { id } } }""").execute();
        response.path("police.jurisdiction.id").entity(String.class).isEqualTo("CHANGJIANG")
                .path("police.counterpartAbove.name").entity(String.class).isEqualTo("景德镇市公安局")
                .path("police.counterpartAbove.jurisdiction.id").entity(String.class).isEqualTo("JINGDEZHEN")
                .path("police.counterpartAbove.counterpartAbove.name").entity(String.class).isEqualTo("江西省公安厅")
                .path("police.counterpartAbove.counterpartAbove.jurisdiction.id").entity(String.class).isEqualTo("JIANGXI")
                .path("police.counterpartAbove.counterpartAbove.counterpartAbove").valueIsNull()
                .path("ecology.counterpartAbove.name").entity(String.class).isEqualTo("景德镇市生态环境局")
                .path("ecology.counterpartAbove.counterpartAbove.name").entity(String.class).isEqualTo("江西省生态环境厅")
                .path("nr.jurisdiction.id").entity(String.class).isEqualTo("JINGDEZHEN")
                .path("forestry.jurisdiction.id").entity(String.class).isEqualTo("CHANGJIANG")
                .path("forestry.counterpartAbove").valueIsNull();
        List<String> units = response.path("jurisdiction.units[*].id").entityList(String.class).get();
        assertThat(units).as("the 13 departments (the natural-resources branch serves the district) and the townships")
                .hasSize(14).contains("NATURAL_RESOURCES", "TOWNSHIPS").doesNotContain("JINGDEZHEN_POLICE");
        graphQl.document("{ units { id } }").execute()
                .path("units[*].id").entityList(String.class).hasSize(14).doesNotContain("JINGDEZHEN_POLICE", "JIANGXI_POLICE");
        assertThat(graphQl.document("{ jurisdiction(id: \"JINGDEZHEN\") { units { id } } }").execute()
                .path("jurisdiction.units[*].id").entityList(String.class).get())
                .containsExactlyInAnyOrder("NATURAL_RESOURCES", "JINGDEZHEN_POLICE", "JINGDEZHEN_ECOLOGY");
    }

    @Test
    void shouldReadTheSeededPlansTasksAsItsCampaignHasThem() {
        var campaign = anonymous.document("""
                { tasks { number title violationTypes { name } responsibilities { role nameInDocument unit { id } } } }""")
                .execute();
        var plan = anonymous.document("""
                { plan(id: "CHANGJIANG-2023") { tasks { number title problems responsibleNames
                    responsibleUnits { unit { id } role nameInDocument } } } }""").execute();
        List<Integer> numbers = campaign.path("tasks[*].number").entityList(Integer.class).get();
        assertThat(numbers).hasSize(7);
        plan.path("plan.tasks[*].number").entityList(Integer.class).containsExactly(numbers.toArray(Integer[]::new));
        for (int k = 0; k < numbers.size(); k++) {
            String task = "tasks[" + k + "]";
            plan.path("plan." + task + ".title").entity(String.class)
                    .isEqualTo(campaign.path(task + ".title").entity(String.class).get());
            plan.path("plan." + task + ".problems").entityList(String.class).containsExactly(
                    campaign.path(task + ".violationTypes[*].name").entityList(String.class).get().toArray(String[]::new));
            plan.path("plan." + task + ".responsibleUnits[*].unit.id").entityList(String.class).containsExactly(
                    campaign.path(task + ".responsibilities[*].unit.id").entityList(String.class).get().toArray(String[]::new));
            plan.path("plan." + task + ".responsibleUnits[*].role").entityList(String.class).containsExactly(
                    campaign.path(task + ".responsibilities[*].role").entityList(String.class).get().toArray(String[]::new));
        }
    }
}
