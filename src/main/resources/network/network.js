// The accountability network: draws a mine's or a unit's network from the GraphQL API with Cytoscape.js, exactly as
// the API returns it (Subgraph.cytoscapeElements), and adds a node's neighbours when it is clicked.
(() => {
    const COLOURS = {
        Mine: '#c0392b', Issue: '#e67e22', ViolationType: '#8e44ad', Task: '#2980b9', Unit: '#27ae60',
        Person: '#16a085', Position: '#7f8c8d', Township: '#d4ac0d', Duty: '#5d6d7e', Mineral: '#a04000',
        Campaign: '#1b2631', WorkingGroup: '#34495e', Office: '#566573', JointEnforcementAction: '#e74c3c'
    };
    const status = document.getElementById('status');
    const search = document.getElementById('search');
    const hits = document.getElementById('hits');
    let token = sessionStorage.getItem('accountability.token');

    const cy = cytoscape({
        container: document.getElementById('cy'),
        style: [
            { selector: 'node', style: {
                'label': 'data(label)', 'font-size': 10, 'font-family': '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif', 'text-wrap': 'ellipsis', 'text-max-width': 120,
                'background-color': ele => COLOURS[ele.data('type')] || '#95a5a6', 'width': 18, 'height': 18 } },
            { selector: 'node.root', style: { 'width': 30, 'height': 30, 'border-width': 3, 'border-color': '#000' } },
            { selector: 'edge', style: {
                'width': 1.2, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle',
                'curve-style': 'bezier' } },
            // Relationship names only where the user looks, or the picture drowns in them.
            { selector: 'edge:selected, edge.hover', style: {
                'label': 'data(type)', 'font-size': 8, 'color': '#555', 'line-color': '#555' } }
        ]
    });
    window.cy = cy;

    document.getElementById('legend').innerHTML = Object.entries(COLOURS).slice(0, 8)
        .map(([type, colour]) => `<span style="--c:${colour}">${type}</span>`).join('');

    async function graphql(query, variables) {
        const response = await fetch('/graphql', {
            method: 'POST',
            headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' },
                token ? { 'Authorization': 'Bearer ' + token } : {}),
            body: JSON.stringify({ query, variables })
        });
        const body = await response.json();
        if (body.errors && body.errors.length) {
            throw new Error(body.errors.map(e => `${e.message} (${(e.extensions || {}).code || response.status})`).join('; '));
        }
        return body.data;
    }

    function show(message, isError) {
        status.textContent = message;
        status.classList.toggle('error', !!isError);
    }

    function counted() {
        status.dataset.nodes = cy.nodes().length;
        status.dataset.edges = cy.edges().length;
        show(`节点 ${cy.nodes().length} · 边 ${cy.edges().length} / ${cy.nodes().length} nodes, ${cy.edges().length} edges`);
    }

    function layout() {
        cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70 }).run();
    }

    const VIEWS = {
        Mine: ['query($id: ID!) { view: mineNetwork(mineId: $id) { truncated cytoscapeElements } }'],
        Unit: ['query($id: ID!) { view: unitPortfolio(unitId: $id) { truncated cytoscapeElements } }']
    };
    const AROUND = 'query($id: ID!) { view: subgraph(rootId: $id, depth: 1, limit: 100) { truncated cytoscapeElements } }';

    async function draw(rootId) {
        const [type, ...rest] = rootId.split(':');
        const key = rest.join(':');
        show('加载中 / Loading…');
        try {
            const view = VIEWS[type];
            const data = view ? await graphql(view[0], { id: key }) : await graphql(AROUND, { id: rootId });
            cy.elements().remove();
            cy.add(data.view.cytoscapeElements);
            cy.$id(rootId).addClass('root');
            layout();
            counted();
            if (data.view.truncated) show(status.textContent + ' · 已截断 / truncated');
            history.replaceState(null, '', '?root=' + encodeURIComponent(rootId));
        } catch (e) {
            show(e.message, true);
        }
    }

    async function expand(node) {
        if (node.data('expanded')) return;
        try {
            const data = await graphql(AROUND, { id: node.id() });
            const elements = data.view.cytoscapeElements;
            const fresh = [...elements.nodes, ...elements.edges].filter(e => cy.getElementById(e.data.id).empty());
            cy.add(fresh.filter(e => !e.data.source).map(e => ({ group: 'nodes', data: e.data })));
            cy.add(fresh.filter(e => e.data.source).map(e => ({ group: 'edges', data: e.data })));
            node.data('expanded', true);
            layout();
            counted();
        } catch (e) {
            show(e.message, true);
        }
    }

    cy.on('tap', 'node', event => expand(event.target));
    cy.on('mouseover', 'edge', event => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', event => event.target.removeClass('hover'));

    let pending;
    search.addEventListener('input', () => {
        clearTimeout(pending);
        const text = search.value.trim();
        if (!text) { hits.innerHTML = ''; return; }
        pending = setTimeout(async () => {
            try {
                const data = await graphql('query($text: String!) { search(text: $text, first: 15) { id type label } }', { text });
                hits.innerHTML = '';
                for (const hit of data.search) {
                    const item = document.createElement('li');
                    item.dataset.id = hit.id;
                    const type = document.createElement('span');
                    type.className = 'type';
                    type.textContent = hit.type;
                    item.append(type, document.createTextNode(hit.label));
                    item.addEventListener('click', () => { hits.innerHTML = ''; draw(hit.id); });
                    hits.append(item);
                }
                if (!data.search.length) show('无结果 / nothing found');
            } catch (e) {
                show(e.message, true);
            }
        }, 250);
    });

    function signedIn(name) {
        document.getElementById('who').textContent = '已登录 / signed in: ' + name;
        search.disabled = false;
        const root = new URLSearchParams(location.search).get('root');
        if (root) draw(root);
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
