// The leadership page: the campaign's progress, the units behind, 挂牌督办, 联合执法 candidates, and a drill-down from a
// unit to a problem to its chain of accountability. Every figure is read through the public GraphQL API with the
// signed-in user's token, optionally as of the end of a chosen day (Asia/Shanghai).
(() => {
    const status = document.getElementById('status');
    const asOfInput = document.getElementById('as-of');
    let token = sessionStorage.getItem('accountability.token');
    const charts = {};
    let phases = [], tasks = [];

    const STATUS_ZH = {
        PENDING_ASSIGNMENT: '待交办', RECTIFYING: '整改中', ACCEPTANCE_REQUESTED: '申请验收', CARRIED_OVER: '继续挂账',
        CLOSED: '已销号', SHUT_DOWN: '依法关闭'
    };
    const KIND_ZH = {
        ISSUE: '问题', VIOLATION_TYPE: '问题类型', TASK: '任务', UNIT: '单位', PERSON: '人员', OFFICE: '专班办公室',
        POSITION: '职位', WORKING_GROUP: '专班'
    };
    const LEVEL_ZH = ['问题', '问题类型', '任务', '责任单位', '责任人', '专班办公室', '召集人 / 区级专班', '市级专班', '省级专班'];

    function chart(id) {
        // No animation: what a screenshot or a test reads is what the API answered, not a frame on the way to it.
        if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
        return charts[id];
    }

    function escape(text) {
        return String(text == null ? '' : text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
    }

    function show(message, isError) {
        status.textContent = message;
        status.classList.toggle('error', !!isError);
    }

    // The moment every read is asked about: the end of the chosen day in Asia/Shanghai, or nothing for now. A day
    // not yet over is asked as of a moment ago (the API refuses a moment in the future).
    function asOf() {
        const day = asOfInput.value;
        if (!day) return null;
        const end = day + 'T23:59:59+08:00';
        return Date.parse(end) < Date.now() - 2000 ? end : new Date(Date.now() - 2000).toISOString();
    }
    window.leadershipAsOf = asOf;

    // A query with `asOf: $asOf` added to each marked field (/*asOf*/ inside its arguments, /*(asOf)*/ for a field with
    // none) when a date is chosen, and nothing otherwise.
    async function read(name, query, variables) {
        const moment = asOf();
        const declared = Object.assign({}, variables || {});
        let text = query.replace(/\/\*asOf\*\//g, moment ? ', asOf: $asOf' : '')
            .replace(/\/\*\(asOf\)\*\//g, moment ? '(asOf: $asOf)' : '');
        if (moment && text.includes('$asOf')) declared.asOf = moment;
        const signature = Object.entries(VARIABLE_TYPES).filter(([v]) => new RegExp('\\$' + v + '\\b').test(text))
            .map(([v, t]) => `$${v}: ${t}`);
        text = `query ${name}${signature.length ? '(' + signature.join(', ') + ')' : ''} ${text}`;
        const response = await fetch('/graphql', {
            method: 'POST',
            headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' },
                token ? { 'Authorization': 'Bearer ' + token } : {}),
            body: JSON.stringify({ query: text, variables: declared })
        });
        const body = await response.json();
        if (body.errors && body.errors.length) {
            throw new Error(body.errors.map(e => `${e.message} (${(e.extensions || {}).code || response.status})`).join('; '));
        }
        return body.data;
    }
    const VARIABLE_TYPES = { asOf: 'DateTime', after: 'String', unit: 'String', issueId: 'ID!' };

    const LABEL = { show: true, formatter: p => p.value ? String(p.value) : '' };

    // ---- progress by phase and by task: finished, open, overdue, from issueCounts ----
    function progress(id, groups, labelOf, order) {
        const sorted = groups.slice().sort((a, b) => order(a.keys[0]) - order(b.keys[0]));
        const categories = sorted.map(g => labelOf(g.keys[0]));
        const el = document.getElementById(id);
        el.dataset.keys = JSON.stringify(sorted.map(g => g.keys[0]));
        chart(id).setOption({
            animation: false,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 11, lineHeight: 14 } },
            yAxis: { type: 'value', name: '问题数' },
            series: [
                { id: 'finished', name: '已结 / finished', type: 'bar', stack: 'all', color: '#3a9d5d', label: LABEL,
                  data: sorted.map(g => g.count - g.open) },
                { id: 'open', name: '未结未逾期 / open', type: 'bar', stack: 'all', color: '#e6a23c', label: LABEL,
                  data: sorted.map(g => g.open - g.overdue) },
                { id: 'overdue', name: '逾期 / overdue', type: 'bar', stack: 'all', color: '#c0392b', label: LABEL,
                  data: sorted.map(g => g.overdue) }
            ]
        }, true);
    }

    async function drawProgress() {
        const data = await read('LeadershipProgress', `{
            byPhase: issueCounts(groupBy: [PHASE]/*asOf*/) { keys count open overdue }
            byTask: issueCounts(groupBy: [TASK]/*asOf*/) { keys count open overdue } }`);
        const phaseName = key => { const p = phases.find(p => String(p.number) === key); return p ? `第${p.number}阶段\n${p.name}` : '未定阶段\nnone'; };
        const taskName = key => { const t = tasks.find(t => String(t.number) === key); return t ? `任务${t.number}\n${short(t.title, 5)}` : '未归任务\nnone'; };
        const byNumber = key => key == null ? 99 : Number(key);
        progress('chart-phase', data.byPhase, phaseName, byNumber);
        progress('chart-task', data.byTask, taskName, byNumber);
    }

    // ---- units ranked by overdue problems and by problems closed on time ----
    let rankedUnits = [];
    async function drawUnits() {
        const data = await read('LeadershipScorecards', '{ unitScorecards/*(asOf)*/ { unit { id name } assigned open overdue closedOnTime closedLate } }');
        rankedUnits = data.unitScorecards.filter(s => s.assigned > 0)
            .sort((a, b) => b.overdue - a.overdue || b.closedOnTime - a.closedOnTime || a.unit.id.localeCompare(b.unit.id));
        const shown = rankedUnits.slice().reverse(); // the worst at the top of a horizontal bar chart
        const el = document.getElementById('chart-units');
        el.dataset.units = JSON.stringify(rankedUnits.map(s => s.unit.id));
        chart('chart-units').setOption({
            animation: false,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0 },
            grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: shown.map(s => s.unit.name), axisLabel: { fontSize: 11 } },
            series: [
                { id: 'overdue', name: '逾期未结 / overdue', type: 'bar', color: '#c0392b', label: { show: true, position: 'right' },
                  data: shown.map(s => ({ value: s.overdue, unitId: s.unit.id })) },
                { id: 'closedOnTime', name: '按期销号 / closed on time', type: 'bar', color: '#3a9d5d', label: { show: true, position: 'right' },
                  data: shown.map(s => ({ value: s.closedOnTime, unitId: s.unit.id })) }
            ]
        }, true);
        const list = document.getElementById('unit-list');
        list.innerHTML = '';
        for (const s of rankedUnits) {
            const button = document.createElement('button');
            button.type = 'button';
            button.dataset.unit = s.unit.id;
            button.textContent = `${s.unit.name}(逾期 ${s.overdue})`;
            button.addEventListener('click', () => drillUnit(s.unit.id, s.unit.name));
            list.append(button);
        }
    }

    // ---- 挂牌督办 ----
    function issueRow(issue, columns) {
        const row = document.createElement('tr');
        row.className = 'clickable';
        row.dataset.issue = issue.id;
        row.innerHTML = columns.map(c => `<td${c.cls ? ` class="${c.cls}"` : ''}>${escape(c.text)}</td>`).join('');
        row.addEventListener('click', () => {
            document.querySelectorAll('tr.selected').forEach(r => r.classList.remove('selected'));
            row.classList.add('selected');
            drillChain(issue.id, issue.title);
        });
        return row;
    }

    async function drawSupervised() {
        const data = await read('LeadershipSupervised', `{ supervisedIssues/*(asOf)*/ { id title status overdue deadline
            mine { name township { name } } assignedUnits { name } } }`);
        const body = document.querySelector('#supervised tbody');
        body.innerHTML = '';
        for (const issue of data.supervisedIssues) {
            body.append(issueRow(issue, [
                { text: issue.title }, { text: issue.mine.name }, { text: issue.mine.township ? issue.mine.township.name : '' },
                { text: issue.assignedUnits.length ? issue.assignedUnits[0].name : '' },
                { text: STATUS_ZH[issue.status] || issue.status },
                { text: (issue.deadline || '') + (issue.overdue ? ' 逾期' : ''), cls: issue.overdue ? 'overdue' : '' }]));
        }
        if (!data.supervisedIssues.length) {
            body.innerHTML = '<tr class="empty"><td colspan="6" class="muted">暂无挂牌督办的未结问题 / No open problem under 挂牌督办</td></tr>';
        }
        document.getElementById('supervised').dataset.ids = JSON.stringify(data.supervisedIssues.map(i => i.id));
    }

    // ---- 联合执法 candidates on a drawn plane: townships at the centre of their mines ----
    async function allPages(name, query, field) {
        const nodes = [];
        let after = null;
        for (let page = 0; page < 50; page++) {
            const data = await read(name, query, after ? { after } : {});
            nodes.push(...data[field].edges.map(e => e.node));
            if (!data[field].pageInfo.hasNextPage) break;
            after = data[field].pageInfo.endCursor;
        }
        return nodes;
    }

    async function drawMap() {
        const mines = await allPages('LeadershipMines', `{ mines(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
            edges { node { id name location { latitude longitude } township { name } } } } }`, 'mines');
        const candidates = await allPages('LeadershipCandidates', `{ jointEnforcementCandidates(first: 100, after: $after/*asOf*/) {
            pageInfo { hasNextPage endCursor } edges { node { mine { id name township { name } location { latitude longitude } }
            departmentCount openIssueCount overdueIssueCount suggestedLead { name } } } } }`, 'jointEnforcementCandidates');
        const townships = {};
        for (const mine of mines) {
            if (!mine.location || !mine.township) continue;
            const t = townships[mine.township.name] || (townships[mine.township.name] = { lon: 0, lat: 0, n: 0 });
            t.lon += mine.location.longitude; t.lat += mine.location.latitude; t.n++;
        }
        const placed = candidates.filter(c => c.mine.location);
        const el = document.getElementById('chart-map');
        el.dataset.candidates = JSON.stringify(placed.map(c => [c.mine.id, c.departmentCount]));
        const maxDepartments = Math.max(2, ...placed.map(c => c.departmentCount));
        chart('chart-map').setOption({
            animation: false,
            tooltip: { trigger: 'item', formatter: p => p.seriesId === 'candidates'
                ? `${escape(p.data.name)}(${escape(p.data.township)})<br>部门 ${p.data.value[2]} · 未结 ${p.data.open} · 逾期 ${p.data.overdue}<br>建议牵头:${escape(p.data.lead)}`
                : escape(p.name) },
            grid: { left: 8, right: 70, top: 20, bottom: 8, containLabel: true },
            xAxis: { type: 'value', scale: true, name: '经度', axisLabel: { formatter: v => v.toFixed(2) }, splitLine: { lineStyle: { type: 'dashed' } } },
            yAxis: { type: 'value', scale: true, name: '纬度', axisLabel: { formatter: v => v.toFixed(2) }, splitLine: { lineStyle: { type: 'dashed' } } },
            visualMap: { type: 'continuous', seriesIndex: 2, dimension: 2, min: 2, max: maxDepartments, right: 0, top: 'middle',
                text: ['部门多', '部门少'], calculable: false, inRange: { color: ['#f5b041', '#c0392b'] }, itemHeight: 100 },
            series: [
                { id: 'mines', name: '矿山 / mines', type: 'scatter', symbolSize: 4, itemStyle: { color: '#bbb' }, silent: true,
                  data: mines.filter(m => m.location).map(m => [m.location.longitude, m.location.latitude]) },
                { id: 'townships', name: '乡镇 / townships', type: 'scatter', z: 3, symbol: 'diamond', symbolSize: 8, itemStyle: { color: '#34495e' },
                  label: { show: true, position: 'bottom', formatter: p => p.name, fontSize: 12, color: '#1b2631', fontWeight: 'bold',
                      backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3], borderRadius: 2 },
                  data: Object.entries(townships).map(([name, t]) => ({ name, value: [t.lon / t.n, t.lat / t.n] })) },
                { id: 'candidates', name: '联合执法候选 / candidates', type: 'scatter', z: 2,
                  itemStyle: { opacity: 0.8, borderColor: '#fff', borderWidth: 1 }, symbolSize: v => 6 + 4 * v[2],
                  label: { show: true, position: 'inside', formatter: p => p.value[2], color: '#fff', fontSize: 10 },
                  data: placed.map(c => ({ id: c.mine.id, name: c.mine.name, township: c.mine.township ? c.mine.township.name : '',
                      value: [c.mine.location.longitude, c.mine.location.latitude, c.departmentCount],
                      open: c.openIssueCount, overdue: c.overdueIssueCount, lead: c.suggestedLead.name })) }
            ]
        }, true);
    }

    // ---- drill-down: a unit's problems, then a problem's chain as a tree ----
    async function drillUnit(unitId, unitName) {
        document.querySelectorAll('#unit-list button').forEach(b => b.classList.toggle('selected', b.dataset.unit === unitId));
        document.getElementById('unit-title').textContent = `${unitName} 的问题 / problems assigned`;
        try {
            const data = await read('LeadershipUnitIssues', `{ issues(first: 100, filter: {unit: $unit}, orderBy: {field: DEADLINE, direction: ASC}/*asOf*/) {
                totalCount edges { node { id title status overdue deadline mine { name } } } } }`, { unit: unitId });
            const body = document.querySelector('#unit-issues tbody');
            body.innerHTML = '';
            const issues = data.issues.edges.map(e => e.node);
            for (const issue of issues) {
                body.append(issueRow(issue, [{ text: issue.title }, { text: issue.mine.name }, { text: STATUS_ZH[issue.status] || issue.status },
                    { text: (issue.deadline || '') + (issue.overdue ? ' 逾期' : ''), cls: issue.overdue ? 'overdue' : '' }]));
            }
            const table = document.getElementById('unit-issues');
            table.dataset.unit = unitId;
            table.dataset.ids = JSON.stringify(issues.map(i => i.id));
            table.dataset.total = data.issues.totalCount;
        } catch (e) {
            show(e.message, true);
        }
    }

    function short(text, n) {
        return text.length > n ? text.slice(0, n) + '…' : text;
    }

    async function drillChain(issueId, title) {
        try {
            const data = await read('LeadershipChain', `{ accountabilityChain(issueId: $issueId/*asOf*/) { level kind id name role grounds unitId } }`,
                { issueId });
            const chain = data.accountabilityChain;
            document.getElementById('chain-section').hidden = false;
            document.getElementById('chain-title').textContent = `问责链 / Chain: ${title}`;
            // The problem at the root; under it one branch per level, holding that level's links in the API's order.
            const root = chain.find(l => l.level === 0) || { kind: 'ISSUE', id: issueId, name: title, level: 0 };
            const levels = [...new Set(chain.filter(l => l !== root).map(l => l.level))].sort((a, b) => a - b);
            const node = l => ({ name: short(l.name, 16), link: `${l.kind}:${l.id}`, fullName: l.name, kind: l.kind, role: l.role || '', grounds: l.grounds || '' });
            const tree = Object.assign(node(root), { label: { position: 'top', align: 'center', verticalAlign: 'bottom', fontWeight: 'bold' },
                children: levels.map(level => ({ name: `${level} ${LEVEL_ZH[level] || ''}`, level,
                    children: chain.filter(l => l !== root && l.level === level).map(node) }))
            });
            const leaves = chain.length;
            const el = document.getElementById('chart-chain');
            el.style.height = Math.max(360, leaves * 22) + 'px';
            el.dataset.links = JSON.stringify(chain.map(l => `${l.kind}:${l.id}`));
            el.dataset.issue = issueId;
            chart('chart-chain').resize();
            chart('chart-chain').setOption({
            animation: false,
                tooltip: { trigger: 'item', confine: true, extraCssText: 'max-width: 420px; white-space: normal;',
                    formatter: p => p.data.link ? `<b>${escape(KIND_ZH[p.data.kind] || p.data.kind)}:${escape(p.data.fullName)}</b>`
                        + (p.data.role ? `<br>角色 / role: ${escape(p.data.role)}` : '')
                        + (p.data.grounds ? `<br>依据 / grounds: 「${escape(p.data.grounds)}」` : '') : escape(p.name) },
                series: [{ id: 'chain', type: 'tree', data: [tree], orient: 'LR', left: 90, right: 190, top: 10, bottom: 10,
                    initialTreeDepth: -1, expandAndCollapse: false, symbolSize: 8, roam: false,
                    label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12 },
                    leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } } }]
            }, true);
            const list = document.getElementById('chain-grounds');
            list.innerHTML = chain.map(l => `<li data-link="${escape(l.kind + ':' + l.id)}"><b>${escape(LEVEL_ZH[l.level] || l.level)} · ${escape(l.name)}</b>`
                + (l.role ? ` <span class="muted">${escape(l.role)}</span>` : '')
                + (l.grounds ? `<br><q>${escape(l.grounds)}</q>` : '') + '</li>').join('');
        } catch (e) {
            show(e.message, true);
        }
    }

    chart('chart-units').on('click', p => { if (p.data && p.data.unitId) drillUnit(p.data.unitId, p.name); });

    async function refresh() {
        show('加载中 / Loading…');
        try {
            if (!phases.length) {
                const plan = await read('LeadershipPlan', '{ phases { number name } tasks { number title } }');
                phases = plan.phases; tasks = plan.tasks;
            }
            await Promise.all([drawProgress(), drawUnits(), drawSupervised(), drawMap()]);
            const moment = asOf();
            status.dataset.asOf = moment || '';
            status.dataset.loaded = String(Number(status.dataset.loaded) + 1);
            show(moment ? `截至 ${asOfInput.value} / as of ${moment}` : '当前 / as of now');
        } catch (e) {
            show(e.message, true);
        }
    }

    asOfInput.addEventListener('change', () => { if (token) refresh(); });
    document.getElementById('as-of-clear').addEventListener('click', () => { asOfInput.value = ''; if (token) refresh(); });
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

    function signedIn(name) {
        document.getElementById('who').textContent = '已登录 / signed in: ' + name;
        refresh();
    }

    document.getElementById('signin').addEventListener('submit', async event => {
        event.preventDefault();
        const form = new FormData(event.target);
        const response = await fetch('/auth/token', {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: form.get('username'), password: form.get('password') })
        });
        if (!response.ok) { show('登录失败 / sign-in failed (' + response.status + ')', true); return; }
        token = (await response.json()).access_token;
        sessionStorage.setItem('accountability.token', token);
        signedIn(form.get('username'));
    });

    if (token) signedIn('…');
})();
