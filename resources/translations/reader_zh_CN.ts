<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AnalysisRunner</name>
    <message>
        <source>正在更新搜索索引 {done}/{total}</source>
        <translation>正在更新搜索索引 {done}/{total}</translation>
    </message>
    <message>
        <source>正在分析关键词 {done}/{total}</source>
        <translation>正在分析关键词 {done}/{total}</translation>
    </message>
    <message numerus="yes">
        <source>已分析 %n 篇文章</source>
        <translation>
            <numerusform>已分析 %n 篇文章</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>W3C 批注 JSON (*.json)</source>
        <translation>W3C 批注 JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>AnnotationBrowser</name>
    <message>
        <source>全部批注</source>
        <translation>全部批注</translation>
    </message>
    <message>
        <source>搜索摘录和批注</source>
        <translation>搜索摘录和批注</translation>
    </message>
    <message>
        <source>只看未能定位的</source>
        <translation>只看未能定位的</translation>
    </message>
    <message>
        <source>打开文章</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <source>全部颜色</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <source>{} 条</source>
        <translation>{} 条</translation>
    </message>
    <message>
        <source>全部文章</source>
        <translation>全部文章</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>未能定位</source>
        <translation>未能定位</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>原文已改动，找不到这段文字了；引文保留在这里。</source>
        <translation>原文已改动，找不到这段文字了；引文保留在这里。</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>选中文字后按 1–4 高亮，或右键选择颜色、添加批注。</source>
        <translation>选中文字后按 1–4 高亮，或右键选择颜色、添加批注。</translation>
    </message>
    <message>
        <source>批注…</source>
        <translation>批注…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>全部批注…</source>
        <translation>全部批注…</translation>
    </message>
    <message>
        <source>颜色含义…</source>
        <translation>颜色含义…</translation>
    </message>
    <message>
        <source>本文 {} 处高亮</source>
        <translation>本文 {} 处高亮</translation>
    </message>
    <message>
        <source>（{} 处未能定位）</source>
        <translation>（{} 处未能定位）</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>编辑批注…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>复制链接</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>删除高亮</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>颜色</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>摘录</source>
        <translation>摘录</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>AnnotationUI</name>
    <message>
        <source>批注</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>添加批注(&amp;N)…</source>
        <translation>添加批注(&amp;N)…</translation>
    </message>
    <message>
        <source>删除高亮(&amp;D)</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <source>全部批注(&amp;B)…</source>
        <translation>全部批注(&amp;B)…</translation>
    </message>
    <message>
        <source>导出批注(&amp;X)…</source>
        <translation>导出批注(&amp;X)…</translation>
    </message>
    <message>
        <source>导入批注(&amp;M)…</source>
        <translation>导入批注(&amp;M)…</translation>
    </message>
    <message>
        <source>打开链接(&amp;L)…</source>
        <translation>打开链接(&amp;L)…</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>批注面板</source>
        <translation>批注面板</translation>
    </message>
    <message>
        <source>高亮为「{}」</source>
        <translation>高亮为「{}」</translation>
    </message>
    <message>
        <source>高亮</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>编辑批注…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>复制链接</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>每种颜色代表什么由你决定；改名后菜单、批注面板和导出都用新名字。按 1–4 高亮。</source>
        <translation>每种颜色代表什么由你决定；改名后菜单、批注面板和导出都用新名字。按 1–4 高亮。</translation>
    </message>
    <message>
        <source>编辑批注(&amp;N)…</source>
        <translation>编辑批注(&amp;N)…</translation>
    </message>
    <message>
        <source>先选中要高亮的文字</source>
        <translation>先选中要高亮的文字</translation>
    </message>
    <message>
        <source>先选中要批注的文字</source>
        <translation>先选中要批注的文字</translation>
    </message>
    <message>
        <source>只能标注正文里的文字，标题和图片说明不行</source>
        <translation>只能标注正文里的文字，标题和图片说明不行</translation>
    </message>
    <message>
        <source>原文里找不到这段文字了：「{}」</source>
        <translation>原文里找不到这段文字了：「{}」</translation>
    </message>
    <message>
        <source>这篇文章不在当前列表里（也许被筛选或移到了废纸篓）</source>
        <translation>这篇文章不在当前列表里（也许被筛选或移到了废纸篓）</translation>
    </message>
    <message>
        <source>已复制链接 {}</source>
        <translation>已复制链接 {}</translation>
    </message>
    <message>
        <source>打开链接</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>阅报链接（reader://article/…）：</source>
        <translation>阅报链接（reader://article/…）：</translation>
    </message>
    <message>
        <source>这不是阅报的文章链接</source>
        <translation>这不是阅报的文章链接</translation>
    </message>
    <message>
        <source>文库里没有这篇文章（可能已删除）</source>
        <translation>文库里没有这篇文章（可能已删除）</translation>
    </message>
    <message>
        <source>链接里的位置超出了这篇文章</source>
        <translation>链接里的位置超出了这篇文章</translation>
    </message>
    <message>
        <source>文库里还没有批注</source>
        <translation>文库里还没有批注</translation>
    </message>
    <message>
        <source>导出批注</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <source>批注.md</source>
        <translation>批注.md</translation>
    </message>
    <message>
        <source>已导出 {} 条批注到 {}</source>
        <translation>已导出 {} 条批注到 {}</translation>
    </message>
    <message>
        <source>导入批注</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <source>W3C 批注 JSON (*.json *.jsonld);;所有文件 (*)</source>
        <translation>W3C 批注 JSON (*.json *.jsonld);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>AnnotationsController</name>
    <message>
        <source>批注「{}」</source>
        <translation>批注「{}」</translation>
    </message>
    <message>
        <source>高亮「{}」</source>
        <translation>高亮「{}」</translation>
    </message>
    <message>
        <source>无法高亮「{}」</source>
        <translation>无法高亮「{}」</translation>
    </message>
    <message>
        <source>改变高亮颜色「{}」</source>
        <translation>改变高亮颜色「{}」</translation>
    </message>
    <message>
        <source>编辑批注「{}」</source>
        <translation>编辑批注「{}」</translation>
    </message>
    <message>
        <source>删除高亮「{}」</source>
        <translation>删除高亮「{}」</translation>
    </message>
    <message>
        <source>无法删除高亮</source>
        <translation>无法删除高亮</translation>
    </message>
    <message>
        <source>导入 {} 条批注</source>
        <translation>导入 {} 条批注</translation>
    </message>
    <message>
        <source>无法改名</source>
        <translation>无法改名</translation>
    </message>
    <message>
        <source>无法编辑批注</source>
        <translation>无法编辑批注</translation>
    </message>
    <message>
        <source>{what}：{why}</source>
        <translation>{what}：{why}</translation>
    </message>
    <message>
        <source>无法完成「{}」</source>
        <translation>无法完成「{}」</translation>
    </message>
    <message>
        <source>颜色含义改为「{}」</source>
        <translation>颜色含义改为「{}」</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>标题</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>{date} 导入</source>
        <translation>{date} 导入</translation>
    </message>
    <message>
        <source>发表于 {date}</source>
        <translation>发表于 {date}</translation>
    </message>
    <message>
        <source>导入于 {date}（发表日期不详）</source>
        <translation>导入于 {date}（发表日期不详）</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between tags</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>标签：{tags}</source>
        <translation>标签：{tags}</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>已备份到 {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>恢复文库</source>
        <translation>恢复文库</translation>
    </message>
    <message>
        <source>用 {name} 中的文库替换当前文库？

当前文库会先另存为一份备份，之后仍可恢复。</source>
        <translation>用 {name} 中的文库替换当前文库？

当前文库会先另存为一份备份，之后仍可恢复。</translation>
    </message>
    <message>
        <source>已恢复 {articles} 篇文章、{notes} 条批注。</source>
        <translation>已恢复 {articles} 篇文章、{notes} 条批注。</translation>
    </message>
    <message>
        <source>恢复前的文库已保存为 {path}。</source>
        <translation>恢复前的文库已保存为 {path}。</translation>
    </message>
    <message>
        <source>外观等设置在重新启动后生效。</source>
        <translation>外观等设置在重新启动后生效。</translation>
    </message>
    <message>
        <source>从文件恢复</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>文库备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</source>
        <translation>文库备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>备份与恢复</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>每天自动备份一次，清空回收站和恢复之前也会备份。备份保存在：</source>
        <translation>每天自动备份一次，清空回收站和恢复之前也会备份。备份保存在：</translation>
    </message>
    <message>
        <source>保留最近的备份：</source>
        <translation>保留最近的备份：</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>恢复所选…</source>
        <translation>恢复所选…</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>清空回收站前</source>
        <translation>清空回收站前</translation>
    </message>
    <message>
        <source>已损坏的文库</source>
        <translation>已损坏的文库</translation>
    </message>
    <message>
        <source>还没有备份</source>
        <translation>还没有备份</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>随主题</source>
        <translation>随主题</translation>
    </message>
    <message>
        <source>选择颜色</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>重点</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>引用</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>疑问</source>
        <translation>疑问</translation>
    </message>
    <message>
        <source>待查</source>
        <translation>待查</translation>
    </message>
</context>
<context>
    <name>DesktopEntryActions</name>
    <message>
        <source>添加到应用程序菜单</source>
        <translation>添加到应用程序菜单</translation>
    </message>
    <message>
        <source>从应用程序菜单移除</source>
        <translation>从应用程序菜单移除</translation>
    </message>
    <message>
        <source>已添加到应用程序菜单</source>
        <translation>已添加到应用程序菜单</translation>
    </message>
    <message>
        <source>已从应用程序菜单移除</source>
        <translation>已从应用程序菜单移除</translation>
    </message>
    <message>
        <source>无法更改应用程序菜单：{}</source>
        <translation>无法更改应用程序菜单：{}</translation>
    </message>
    <message>
        <source>应用程序菜单</source>
        <translation>应用程序菜单</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>网页 (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>纯文本 (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>导出文章</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <source>无法写入 PDF 文件</source>
        <translation>无法写入 PDF 文件</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>同时打印关键词、人名地名等标记</source>
        <translation>同时打印关键词、人名地名等标记</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>已打印到 {path}</source>
        <translation>已打印到 {path}</translation>
    </message>
    <message>
        <source>已送往打印机 {printer}：{title}</source>
        <translation>已送往打印机 {printer}：{title}</translation>
    </message>
</context>
<context>
    <name>FeedOptionsDialog</name>
    <message>
        <source>订阅属性</source>
        <translation>订阅属性</translation>
    </message>
    <message>
        <source>只用摘要（不下载原文网页）</source>
        <translation>只用摘要（不下载原文网页）</translation>
    </message>
    <message>
        <source>跟随设置（{minutes} 分钟）</source>
        <translation>跟随设置（{minutes} 分钟）</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>自动更新间隔</source>
        <translation>自动更新间隔</translation>
    </message>
</context>
<context>
    <name>FeedsController</name>
    <message>
        <source>还没有订阅：文件 → 订阅…</source>
        <translation>还没有订阅：文件 → 订阅…</translation>
    </message>
    <message>
        <source>正在更新订阅…</source>
        <translation>正在更新订阅…</translation>
    </message>
    <message>
        <source>正在更新订阅 {done}/{total}</source>
        <translation>正在更新订阅 {done}/{total}</translation>
    </message>
    <message numerus="yes">
        <source>订阅已更新：%n 篇新文章</source>
        <translation>
            <numerusform>订阅已更新：%n 篇新文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 篇有更新</source>
        <translation>
            <numerusform>，%n 篇有更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个订阅出错（见文库中的标记）</source>
        <translation>
            <numerusform>，%n 个订阅出错（见文库中的标记）</numerusform>
        </translation>
    </message>
    <message>
        <source>订阅更新失败：{error}</source>
        <translation>订阅更新失败：{error}</translation>
    </message>
    <message>
        <source>订阅</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>无法订阅：{error}</source>
        <translation>无法订阅：{error}</translation>
    </message>
    <message>
        <source>正在查找订阅源 {url}</source>
        <translation>正在查找订阅源 {url}</translation>
    </message>
    <message>
        <source>已订阅 {name}</source>
        <translation>已订阅 {name}</translation>
    </message>
    <message>
        <source>更新此订阅</source>
        <translation>更新此订阅</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>移到文件夹…</source>
        <translation>移到文件夹…</translation>
    </message>
    <message>
        <source>属性…</source>
        <translation>属性…</translation>
    </message>
    <message>
        <source>取消订阅…</source>
        <translation>取消订阅…</translation>
    </message>
    <message>
        <source>更新此文件夹</source>
        <translation>更新此文件夹</translation>
    </message>
    <message>
        <source>更新全部订阅</source>
        <translation>更新全部订阅</translation>
    </message>
    <message>
        <source>订阅…</source>
        <translation>订阅…</translation>
    </message>
    <message>
        <source>重命名订阅</source>
        <translation>重命名订阅</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>移到文件夹</source>
        <translation>移到文件夹</translation>
    </message>
    <message>
        <source>文件夹（留空则不放入文件夹）：</source>
        <translation>文件夹（留空则不放入文件夹）：</translation>
    </message>
    <message>
        <source>取消订阅</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <source>取消订阅“{name}”？</source>
        <translation>取消订阅“{name}”？</translation>
    </message>
    <message numerus="yes">
        <source>它的 %n 篇文章留在文库中。</source>
        <translation>
            <numerusform>它的 %n 篇文章留在文库中。</numerusform>
        </translation>
    </message>
    <message>
        <source>取消订阅并把文章移到回收站</source>
        <translation>取消订阅并把文章移到回收站</translation>
    </message>
    <message>
        <source>已取消订阅 {name}</source>
        <translation>已取消订阅 {name}</translation>
    </message>
    <message>
        <source>导入订阅列表</source>
        <translation>导入订阅列表</translation>
    </message>
    <message>
        <source>OPML 文件 (*.opml *.xml)</source>
        <translation>OPML 文件 (*.opml *.xml)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>{file}：{error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message numerus="yes">
        <source>新订阅 %n 个</source>
        <translation>
            <numerusform>新订阅 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个已订阅</source>
        <translation>
            <numerusform>，%n 个已订阅</numerusform>
        </translation>
    </message>
    <message>
        <source>导出订阅列表</source>
        <translation>导出订阅列表</translation>
    </message>
    <message>
        <source>OPML 文件 (*.opml)</source>
        <translation>OPML 文件 (*.opml)</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>导出失败</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{path}：{error}</source>
        <translation>{path}：{error}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>在本文中查找（简繁通用）</source>
        <translation>在本文中查找（简繁通用）</translation>
    </message>
    <message>
        <source>上一个 (Shift+Enter)</source>
        <translation>上一个 (Shift+Enter)</translation>
    </message>
    <message>
        <source>下一个 (Enter)</source>
        <translation>下一个 (Enter)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>从网址导入</source>
        <translation>从网址导入</translation>
    </message>
    <message>
        <source>新闻网页的网址：</source>
        <translation>新闻网页的网址：</translation>
    </message>
    <message>
        <source>这不是网址：{url}</source>
        <translation>这不是网址：{url}</translation>
    </message>
    <message>
        <source>剪贴板里没有文字</source>
        <translation>剪贴板里没有文字</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>正在下载 {url}</source>
        <translation>正在下载 {url}</translation>
    </message>
    <message>
        <source>正在导入 {name}</source>
        <translation>正在导入 {name}</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>导入失败</translation>
    </message>
    <message numerus="yes">
        <source>导入 %n 条批注</source>
        <translation>
            <numerusform>导入 %n 条批注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导入 %n 篇文章</source>
        <translation>
            <numerusform>导入 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 篇已在库中</source>
        <translation>
            <numerusform>，%n 篇已在库中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条批注</source>
        <translation>
            <numerusform>，%n 条批注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条在原文中找不到（列为未能定位）</source>
        <translation>
            <numerusform>，%n 条在原文中找不到（列为未能定位）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条批注已在文库中</source>
        <translation>
            <numerusform>，%n 条批注已在文库中</numerusform>
        </translation>
    </message>
    <message>
        <source>（已取消）</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <source>导入时有提示</source>
        <translation>导入时有提示</translation>
    </message>
    <message>
        <source>{file}：{reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>不是一篇文章</source>
        <translation>不是一篇文章</translation>
    </message>
    <message>
        <source>这些网页不像一篇新闻文章，没有导入：

{pages}</source>
        <translation>这些网页不像一篇新闻文章，没有导入：

{pages}</translation>
    </message>
    <message>
        <source>仍作为文字导入</source>
        <translation>仍作为文字导入</translation>
    </message>
    <message>
        <source>没有可导入的文件</source>
        <translation>没有可导入的文件</translation>
    </message>
    <message>
        <source>不是 W3C 批注 JSON 文件</source>
        <translation>不是 W3C 批注 JSON 文件</translation>
    </message>
    <message>
        <source>{folders}：{nothing}</source>
        <translation>{folders}：{nothing}</translation>
    </message>
    <message>
        <source>{file}：{error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message numerus="yes">
        <source>……另有 %n 个</source>
        <translation>
            <numerusform>……另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>报纸文本和网页 ({patterns})</source>
        <translation>报纸文本和网页 ({patterns})</translation>
    </message>
    <message>
        <source>部分文件未能导入</source>
        <translation>部分文件未能导入</translation>
    </message>
    <message>
        <source>{summary}。

{errors}</source>
        <translation>{summary}。

{errors}</translation>
    </message>
</context>
<context>
    <name>KeywordModel</name>
    <message>
        <source>{word}&#x3000;权重 {weight}</source>
        <translation>{word}&#x3000;权重 {weight}</translation>
    </message>
</context>
<context>
    <name>KeywordPanel</name>
    <message>
        <source>人名</source>
        <translation>人名</translation>
    </message>
    <message>
        <source>地名</source>
        <translation>地名</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>◀ 上一处</source>
        <translation>◀ 上一处</translation>
    </message>
    <message>
        <source>下一处 ▶</source>
        <translation>下一处 ▶</translation>
    </message>
    <message>
        <source>含此关键词的其他文章</source>
        <translation>含此关键词的其他文章</translation>
    </message>
    <message>
        <source>人名 · 地名 · 机构</source>
        <translation>人名 · 地名 · 机构</translation>
    </message>
    <message>
        <source>关注词</source>
        <translation>关注词</translation>
    </message>
    <message>
        <source>未设置（查看 → 关注词…）</source>
        <translation>未设置（查看 → 关注词…）</translation>
    </message>
    <message>
        <source>分析中…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation>（没有）</translation>
    </message>
</context>
<context>
    <name>LibraryErrors</name>
    <message>
        <source>无法打开文库</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <source>文库已损坏</source>
        <translation>文库已损坏</translation>
    </message>
    <message>
        <source>文库文件已损坏，阅报没有改动它。可以先保存一份副本，再从备份恢复，或把它移到别处以新建文库。</source>
        <translation>文库文件已损坏，阅报没有改动它。可以先保存一份副本，再从备份恢复，或把它移到别处以新建文库。</translation>
    </message>
    <message>
        <source>保存副本</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>未能保存副本</source>
        <translation>未能保存副本</translation>
    </message>
    <message>
        <source>已保存副本</source>
        <translation>已保存副本</translation>
    </message>
    <message>
        <source>副本已保存为 {path}</source>
        <translation>副本已保存为 {path}</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>发表于 {day}</source>
        <translation>发表于 {day}</translation>
    </message>
    <message>
        <source>日期不详</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <source>发表日期不详的文章（列表中显示导入日期）</source>
        <translation>发表日期不详的文章（列表中显示导入日期）</translation>
    </message>
    <message>
        <source>全部文章</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>未读</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>已加星标</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>关注词</source>
        <translation>关注词</translation>
    </message>
    <message>
        <source>订阅</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>版面</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>更新失败：{error}</source>
        <translation>更新失败：{error}</translation>
    </message>
    <message>
        <source>重命名标签…</source>
        <translation>重命名标签…</translation>
    </message>
    <message>
        <source>删除标签</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>清空回收站…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>编辑关注词…</source>
        <translation>编辑关注词…</translation>
    </message>
</context>
<context>
    <name>LibraryWriter</name>
    <message>
        <source>另一个阅报正在写入文库，等它写完再保存（已等 {seconds} 秒）…</source>
        <translation>另一个阅报正在写入文库，等它写完再保存（已等 {seconds} 秒）…</translation>
    </message>
</context>
<context>
    <name>ListSync</name>
    <message numerus="yes">
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 篇，共 {total} 篇</source>
        <translation>
            <numerusform>%n 篇，共 {total} 篇</numerusform>
        </translation>
    </message>
    <message>
        <source>没有找到含“{query}”的文章</source>
        <translation>没有找到含“{query}”的文章</translation>
    </message>
    <message>
        <source>（只在左侧选中的范围里找了：点「全部文章」找全部）</source>
        <translation>（只在左侧选中的范围里找了：点「全部文章」找全部）</translation>
    </message>
    <message>
        <source>回收站是空的</source>
        <translation>回收站是空的</translation>
    </message>
    <message>
        <source>文库里还没有文章：文件 → 导入文件…，或把文件拖到窗口上</source>
        <translation>文库里还没有文章：文件 → 导入文件…，或把文件拖到窗口上</translation>
    </message>
    <message>
        <source>这里没有文章</source>
        <translation>这里没有文章</translation>
    </message>
    <message>
        <source>重命名标签</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <source>粤</source>
        <translation>粤</translation>
    </message>
    <message>
        <source>词典中没有这个词</source>
        <translation>词典中没有这个词</translation>
    </message>
    <message>
        <source>Shift+←/→ 缩短/加长 · A 加入生词本 · Esc 关闭</source>
        <translation>Shift+←/→ 缩短/加长 · A 加入生词本 · Esc 关闭</translation>
    </message>
    <message>
        <source>已加入生词本：%1</source>
        <translation>已加入生词本：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>关键词</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>文库</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>搜索文库，简繁通用 (Ctrl+K)</source>
        <translation>搜索文库，简繁通用 (Ctrl+K)</translation>
    </message>
    <message>
        <source>关于阅报</source>
        <translation>关于阅报</translation>
    </message>
    <message>
        <source>把报纸版面文本整理成干净的文章，简繁随心，标注长存。</source>
        <translation>把报纸版面文本整理成干净的文章，简繁随心，标注长存。</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>未能保存</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>导入文件(&amp;I)…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>导入文件夹(&amp;D)…</source>
        <translation>导入文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>从网址导入(&amp;U)…</source>
        <translation>从网址导入(&amp;U)…</translation>
    </message>
    <message>
        <source>粘贴为新文章(&amp;N)</source>
        <translation>粘贴为新文章(&amp;N)</translation>
    </message>
    <message>
        <source>订阅(&amp;B)…</source>
        <translation>订阅(&amp;B)…</translation>
    </message>
    <message>
        <source>更新全部订阅(&amp;R)</source>
        <translation>更新全部订阅(&amp;R)</translation>
    </message>
    <message>
        <source>导入订阅列表 (OPML)…</source>
        <translation>导入订阅列表 (OPML)…</translation>
    </message>
    <message>
        <source>导出订阅列表 (OPML)…</source>
        <translation>导出订阅列表 (OPML)…</translation>
    </message>
    <message>
        <source>导出文章(&amp;E)…</source>
        <translation>导出文章(&amp;E)…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>备份与恢复(&amp;B)…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>文字(&amp;S)</source>
        <translation>文字(&amp;S)</translation>
    </message>
    <message>
        <source>标出多义字(&amp;A)</source>
        <translation>标出多义字(&amp;A)</translation>
    </message>
    <message>
        <source>拼音(&amp;P)</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <source>在文字上方标出读音（拼音、注音或粤拼，见设置）</source>
        <translation>在文字上方标出读音（拼音、注音或粤拼，见设置）</translation>
    </message>
    <message>
        <source>关注词(&amp;W)…</source>
        <translation>关注词(&amp;W)…</translation>
    </message>
    <message>
        <source>用户词典(&amp;U)…</source>
        <translation>用户词典(&amp;U)…</translation>
    </message>
    <message>
        <source>下一处关键词</source>
        <translation>下一处关键词</translation>
    </message>
    <message>
        <source>上一处关键词</source>
        <translation>上一处关键词</translation>
    </message>
    <message>
        <source>放大字体</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <source>缩小字体</source>
        <translation>缩小字体</translation>
    </message>
    <message>
        <source>下一篇</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <source>上一篇</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <source>文章(&amp;A)</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>下一篇未读(&amp;N)</source>
        <translation>下一篇未读(&amp;N)</translation>
    </message>
    <message>
        <source>向下翻页</source>
        <translation>向下翻页</translation>
    </message>
    <message>
        <source>搜索文库(&amp;K)</source>
        <translation>搜索文库(&amp;K)</translation>
    </message>
    <message>
        <source>在本文中查找(&amp;F)…</source>
        <translation>在本文中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>关于阅报(&amp;A)</source>
        <translation>关于阅报(&amp;A)</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>朗读(&amp;R)</source>
        <translation>朗读(&amp;R)</translation>
    </message>
    <message>
        <source>朗读全文</source>
        <translation>朗读全文</translation>
    </message>
    <message>
        <source>朗读选中内容</source>
        <translation>朗读选中内容</translation>
    </message>
    <message>
        <source>暂停/继续朗读</source>
        <translation>暂停/继续朗读</translation>
    </message>
    <message>
        <source>停止朗读</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>加快朗读</source>
        <translation>加快朗读</translation>
    </message>
    <message>
        <source>减慢朗读</source>
        <translation>减慢朗读</translation>
    </message>
    <message>
        <source>香港繁体用粤语朗读</source>
        <translation>香港繁体用粤语朗读</translation>
    </message>
    <message>
        <source>生词本(&amp;W)…</source>
        <translation>生词本(&amp;W)…</translation>
    </message>
    <message>
        <source> 文字 </source>
        <translation> 文字 </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>批注</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>「{quote}」</source>
        <translation>「{quote}」</translation>
    </message>
    <message>
        <source>写下你的想法…</source>
        <translation>写下你的想法…</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>颜色</translation>
    </message>
</context>
<context>
    <name>OrganiseActions</name>
    <message>
        <source>加星标/取消星标</source>
        <translation>加星标/取消星标</translation>
    </message>
    <message>
        <source>标为已读/未读</source>
        <translation>标为已读/未读</translation>
    </message>
    <message>
        <source>添加标签(&amp;T)…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <source>移到回收站</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>从回收站恢复</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <source>清空回收站…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>移除标签</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>添加标签</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>标签名：</source>
        <translation>标签名：</translation>
    </message>
    <message>
        <source>已移到回收站：{title}</source>
        <translation>已移到回收站：{title}</translation>
    </message>
    <message numerus="yes">
        <source>已将 %n 篇文章移到回收站</source>
        <translation>
            <numerusform>已将 %n 篇文章移到回收站</numerusform>
        </translation>
    </message>
    <message>
        <source>已从回收站恢复：{title}</source>
        <translation>已从回收站恢复：{title}</translation>
    </message>
    <message numerus="yes">
        <source>已从回收站恢复 %n 篇文章</source>
        <translation>
            <numerusform>已从回收站恢复 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>{done}（Ctrl+Z 撤销）</source>
        <translation>{done}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>清空回收站</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>永久删除回收站中的 %n 篇文章？它们的高亮和批注也会一并删除，此操作无法撤销。</source>
        <translation>
            <numerusform>永久删除回收站中的 %n 篇文章？它们的高亮和批注也会一并删除，此操作无法撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>跟随系统</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>浅色</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>深色</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>护眼</source>
        <translation>护眼</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>打印页面(&amp;S)：</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>双面打印</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>长边装订</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>短边装订</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>无法朗读</source>
        <translation>无法朗读</translation>
    </message>
    <message>
        <source>朗读需要语音引擎 espeak-ng，但本机没有安装。
请先安装 espeak-ng（Debian / Ubuntu：sudo apt install espeak-ng），再试一次。</source>
        <translation>朗读需要语音引擎 espeak-ng，但本机没有安装。
请先安装 espeak-ng（Debian / Ubuntu：sudo apt install espeak-ng），再试一次。</translation>
    </message>
    <message>
        <source>朗读失败：{}</source>
        <translation>朗读失败：{}</translation>
    </message>
    <message>
        <source>继续 (Ctrl+Shift+Space)</source>
        <translation>继续 (Ctrl+Shift+Space)</translation>
    </message>
    <message>
        <source>暂停 (Ctrl+Shift+Space)</source>
        <translation>暂停 (Ctrl+Shift+Space)</translation>
    </message>
    <message>
        <source>粤语</source>
        <translation>粤语</translation>
    </message>
    <message>
        <source>普通话</source>
        <translation>普通话</translation>
    </message>
    <message>
        <source>第 {n} / {total} 句</source>
        <translation>第 {n} / {total} 句</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>停止朗读 (Esc)</source>
        <translation>停止朗读 (Esc)</translation>
    </message>
    <message>
        <source>减慢 ([)</source>
        <translation>减慢 ([)</translation>
    </message>
    <message>
        <source>加快 (])</source>
        <translation>加快 (])</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>语速</source>
        <translation>语速</translation>
    </message>
</context>
<context>
    <name>ReadingController</name>
    <message>
        <source>{chars} 字&#x3000;约 {minutes} 分钟</source>
        <translation>{chars} 字&#x3000;约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>没有未读文章了</source>
        <translation>没有未读文章了</translation>
    </message>
    <message>
        <source>{chosen}：也可作 {alternatives}
选中词语后右键「修正转换…」可改为你的写法</source>
        <translation>{chosen}：也可作 {alternatives}
选中词语后右键「修正转换…」可改为你的写法</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between alternative characters</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n 处多义字</source>
        <translation>
            <numerusform>%n 处多义字</numerusform>
        </translation>
    </message>
    <message>
        <source>复制为简体</source>
        <translation>复制为简体</translation>
    </message>
    <message>
        <source>复制为繁体</source>
        <translation>复制为繁体</translation>
    </message>
    <message>
        <source>修正转换…</source>
        <translation>修正转换…</translation>
    </message>
    <message>
        <source>恢复默认转换</source>
        <translation>恢复默认转换</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>从左侧选择一篇文章开始阅读</source>
        <translation>从左侧选择一篇文章开始阅读</translation>
    </message>
</context>
<context>
    <name>ScriptSelector</name>
    <message>
        <source>原文</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>简体</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>繁体</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>台湾正体</source>
        <translation>台湾正体</translation>
    </message>
    <message>
        <source>台湾用语</source>
        <translation>台湾用语</translation>
    </message>
    <message>
        <source>香港繁体</source>
        <translation>香港繁体</translation>
    </message>
    <message>
        <source>香港用语</source>
        <translation>香港用语</translation>
    </message>
    <message>
        <source>简体（台湾来源）</source>
        <translation>简体（台湾来源）</translation>
    </message>
    <message>
        <source>简体（台湾来源，大陆用语）</source>
        <translation>简体（台湾来源，大陆用语）</translation>
    </message>
    <message>
        <source>简体（香港来源）</source>
        <translation>简体（香港来源）</translation>
    </message>
    <message>
        <source>简体（香港来源，大陆用语）</source>
        <translation>简体（香港来源，大陆用语）</translation>
    </message>
    <message>
        <source>文字：原文或简繁转换 (Ctrl+1 … Ctrl+6)</source>
        <translation>文字：原文或简繁转换 (Ctrl+1 … Ctrl+6)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>阅读</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>外观</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>词语</source>
        <translation>词语</translation>
    </message>
    <message>
        <source> 像素</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>行距</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>首行缩进</source>
        <translation>首行缩进</translation>
    </message>
    <message>
        <source>每行字数</source>
        <translation>每行字数</translation>
    </message>
    <message>
        <source>默认文字</source>
        <translation>默认文字</translation>
    </message>
    <message>
        <source>拼音（香港繁体显示粤拼）</source>
        <translation>拼音（香港繁体显示粤拼）</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>注音</source>
        <translation>注音</translation>
    </message>
    <message>
        <source>粤拼</source>
        <translation>粤拼</translation>
    </message>
    <message>
        <source>查词弹窗与拼音模式（查看 → 拼音）标出的读音</source>
        <translation>查词弹窗与拼音模式（查看 → 拼音）标出的读音</translation>
    </message>
    <message>
        <source>在正文中标出生词本里正在学的词</source>
        <translation>在正文中标出生词本里正在学的词</translation>
    </message>
    <message>
        <source>读音</source>
        <translation>读音</translation>
    </message>
    <message>
        <source>在正文中标出关键词</source>
        <translation>在正文中标出关键词</translation>
    </message>
    <message>
        <source>恢复主题颜色</source>
        <translation>恢复主题颜色</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>关键词标记颜色</source>
        <translation>关键词标记颜色</translation>
    </message>
    <message>
        <source>关注词颜色</source>
        <translation>关注词颜色</translation>
    </message>
    <message>
        <source>人名、地名、机构的颜色随主题，可在关键词面板中开关。</source>
        <translation>人名、地名、机构的颜色随主题，可在关键词面板中开关。</translation>
    </message>
    <message>
        <source>跟随系统（{language}）</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>重新启动阅报后生效。</source>
        <translation>重新启动阅报后生效。</translation>
    </message>
    <message>
        <source>关注词（每行一个，在所有文章里标出）</source>
        <translation>关注词（每行一个，在所有文章里标出）</translation>
    </message>
    <message>
        <source>用户词典（每行一个，分词时当作一个词；署名中的人名自动加入）</source>
        <translation>用户词典（每行一个，分词时当作一个词；署名中的人名自动加入）</translation>
    </message>
    <message>
        <source>保存词语</source>
        <translation>保存词语</translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <source>订阅</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>https://…/rss.xml 或新闻网站的网址</source>
        <translation>https://…/rss.xml 或新闻网站的网址</translation>
    </message>
    <message>
        <source>只用摘要（不下载原文网页）</source>
        <translation>只用摘要（不下载原文网页）</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>可以填订阅源（RSS、Atom、JSON Feed）的地址，也可以填网站的网址，阅报会找出网页里的订阅源。只有摘要的条目会下载原文网页，提取正文。</source>
        <translation>可以填订阅源（RSS、Atom、JSON Feed）的地址，也可以填网站的网址，阅报会找出网页里的订阅源。只有摘要的条目会下载原文网页，提取正文。</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>每隔多久自动更新全部订阅</source>
        <translation>每隔多久自动更新全部订阅</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>词语</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>读音</source>
        <translation>读音</translation>
    </message>
    <message>
        <source>释义</source>
        <translation>释义</translation>
    </message>
    <message>
        <source>例句</source>
        <translation>例句</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>加入日期</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>已掌握</source>
        <translation>已掌握</translation>
    </message>
</context>
<context>
    <name>VocabularyWindow</name>
    <message>
        <source>生词本</source>
        <translation>生词本</translation>
    </message>
    <message>
        <source>搜索生词本（词语、读音、释义、例句、文章），简繁通用</source>
        <translation>搜索生词本（词语、读音、释义、例句、文章），简繁通用</translation>
    </message>
    <message>
        <source>标为已掌握</source>
        <translation>标为已掌握</translation>
    </message>
    <message>
        <source>标为学习中</source>
        <translation>标为学习中</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>导出到 Anki…</source>
        <translation>导出到 Anki…</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>删除选中的词 (Delete)</source>
        <translation>删除选中的词 (Delete)</translation>
    </message>
    <message>
        <source>放回刚删除的词 (Ctrl+Z)</source>
        <translation>放回刚删除的词 (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n 个词</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 个词</source>
        <translation>
            <numerusform>找到 %n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>无法读取生词本：{}</source>
        <translation>无法读取生词本：{}</translation>
    </message>
    <message numerus="yes">
        <source>已标为已掌握：%n 个词</source>
        <translation>
            <numerusform>已标为已掌握：%n 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已标为学习中：%n 个词</source>
        <translation>
            <numerusform>已标为学习中：%n 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已删除 %n 个词（Ctrl+Z 撤销）</source>
        <translation>
            <numerusform>已删除 %n 个词（Ctrl+Z 撤销）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已放回 %n 个词</source>
        <translation>
            <numerusform>已放回 %n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>「{}」没有记下出处的文章</source>
        <translation>「{}」没有记下出处的文章</translation>
    </message>
    <message>
        <source>这篇文章不在主窗口的列表里（也许被筛选、移到了回收站或已删除）</source>
        <translation>这篇文章不在主窗口的列表里（也许被筛选、移到了回收站或已删除）</translation>
    </message>
    <message>
        <source>Anki 卡组 (*.apkg)</source>
        <translation>Anki 卡组 (*.apkg)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>导出生词本</source>
        <translation>导出生词本</translation>
    </message>
    <message>
        <source>导出失败：{}</source>
        <translation>导出失败：{}</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 个词到 {}</source>
        <translation>
            <numerusform>已导出 %n 个词到 {}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>关注词</source>
        <translation>关注词</translation>
    </message>
    <message>
        <source>每行一个词。提到它们的地方会在每篇文章里标出来：</source>
        <translation>每行一个词。提到它们的地方会在每篇文章里标出来：</translation>
    </message>
    <message>
        <source>用户词典</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）：</source>
        <translation>每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）：</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>阅报 Reader</source>
        <translation>阅报 Reader</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>修正转换</source>
        <translation>修正转换</translation>
    </message>
    <message>
        <source>原文「{original}」在此视图中显示为「{shown}」。
以后所有文章都按你的写法显示，请输入：</source>
        <translation>原文「{original}」在此视图中显示为「{shown}」。
以后所有文章都按你的写法显示，请输入：</translation>
    </message>
</context>
</TS>
